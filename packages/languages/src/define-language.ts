import type {
  DetectContext,
  ExecutionLimits,
  ExecutionResult,
  JudgeId,
  Language,
  Program,
  Step,
  StepOptions,
  ToolchainInfo,
  Verdict,
} from '@passk/core';
import { resolveEnvironment } from './internal/environment.ts';
import { selectJudge } from './internal/select-judge.ts';

/** Default address-space limit of each step: 4 GiB (as EvalPlus; 0 means none). */
export const DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;

/** Default cap on each of stdout and stderr of each step: 1 MiB. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options every language accepts. */
export interface LanguageOptions {
  /**
   * Environment read during detection (`PATH`, `PASSK_*` tool overrides, the cache directory);
   * default the one given to `detect(context)`, else the process's.
   */
  readonly env?: NodeJS.ProcessEnv;
  /** Address-space limit per step in bytes, 0 for none (default per language, mostly 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/** The option of a language whose compile steps may use a warm compiler server. */
export interface WarmCompilerOption {
  /** Offer the warm compiler server for compile steps (default true). */
  readonly warmCompiler?: boolean;
}

/** What a language's detection takes: at least the environment it reads. */
export interface DetectionOptions {
  /** Environment read during detection. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The options a factory made by {@link defineLanguageFactory} takes. */
export type LanguageOptionsOf<Factory> = Factory extends (options?: infer Options) => Language
  ? Options
  : never;

/** What a definition's `steps` gets besides the program: the judge, options and limits. */
export interface StepContext<Judge extends JudgeId, Options extends DetectionOptions> {
  /** The program's judge, one of the definition's. */
  readonly judge: Judge;
  /** The options the plugin was created with. */
  readonly options: Options & LanguageOptions;
  /** The configured limits (options over defaults). */
  readonly limits: ExecutionLimits;
}

/** A language's ids and file naming, as `Language` has them. */
export type LanguageNames = Pick<Language, 'id' | 'aliases' | 'extension'>;

/** The verdict rules a language implements, and how it builds and judges programs under them. */
export interface LanguageRules<
  Judge extends JudgeId,
  Toolchain extends ToolchainInfo,
  Options extends DetectionOptions,
> {
  /** The judges (`Program.judge`) it implements; a program naming another is refused. */
  readonly judges: readonly Judge[];
  /** The judge a feedback run uses in place of a scoring one (`Language.feedbackJudges`). */
  readonly feedbackJudges?: Readonly<Partial<Record<Judge, Judge>>>;
  /** The commands that build and run `program` under `context.judge`. */
  readonly steps: (
    program: Program,
    toolchain: Toolchain,
    stepOptions: StepOptions,
    context: StepContext<Judge, Options>,
  ) => readonly Step[];
  /** The verdict of `result` under `judge`. */
  readonly classify: (judge: Judge, result: ExecutionResult) => Verdict;
  /** Limits of a program under `judge`, from the configured ones (default: those). */
  readonly limits?: (judge: Judge, limits: ExecutionLimits) => ExecutionLimits;
}

/**
 * A language as data: its names, how it finds its toolchain, and its verdict rules.
 * {@link defineLanguageFactory} turns it into plugins.
 */
export interface LanguageDefinition<
  Judge extends JudgeId,
  Toolchain extends ToolchainInfo,
  Options extends DetectionOptions,
> {
  /** Canonical id, aliases, source file extension. */
  readonly names: LanguageNames;
  /**
   * Finds the toolchain (never throws: `available: false` with the problem instead); `env` in
   * `options` is always set, to the resolved environment.
   */
  readonly detect: (options: Options) => Promise<Toolchain>;
  /** The judges and how programs are built and judged under them. */
  readonly rules: LanguageRules<Judge, Toolchain, Options>;
  /** Address-space limit per step when the options give none (default 4 GiB; 0 = none). */
  readonly defaultMaxMemoryBytes?: number;
}

/**
 * A factory of language plugins from a definition. Each plugin's `detect()` runs the
 * definition's detection once (the first call's environment: the `env` option, else the
 * context's, else the process's) and returns the same promise afterwards; `steps()` and
 * `classify()` throw `UnknownIdError` for a judge the definition does not list (`limits()` gives
 * the configured limits for it).
 */
export function defineLanguageFactory<
  const Judge extends JudgeId,
  Toolchain extends ToolchainInfo,
  Options extends DetectionOptions,
>(
  definition: LanguageDefinition<Judge, Toolchain, Options>,
): (options?: Options & LanguageOptions) => Language {
  const { names, rules } = definition;
  return (options = {} as Options & LanguageOptions) => {
    const limits: ExecutionLimits = {
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      maxMemoryBytes:
        options.maxMemoryBytes ?? definition.defaultMaxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    };
    const judgeOf = (program: Program): Judge => selectJudge(names.id, program.judge, rules.judges);
    let detected: Promise<Toolchain> | undefined;
    return {
      ...names,
      judges: rules.judges,
      ...(rules.feedbackJudges
        ? { feedbackJudges: rules.feedbackJudges as Readonly<Partial<Record<JudgeId, JudgeId>>> }
        : {}),
      detect(context?: DetectContext) {
        detected ??= definition.detect({
          ...options,
          env: resolveEnvironment(options.env, context?.env),
        });
        return detected;
      },
      steps(program, toolchain, stepOptions) {
        const judge = judgeOf(program);
        const context = { judge, options, limits };
        return rules.steps(program, toolchain as Toolchain, stepOptions, context);
      },
      limits(program) {
        const known = (rules.judges as readonly JudgeId[]).includes(program.judge);
        return known && rules.limits !== undefined
          ? rules.limits(program.judge as Judge, limits)
          : limits;
      },
      classify(program, result) {
        return rules.classify(judgeOf(program), result);
      },
    };
  };
}
