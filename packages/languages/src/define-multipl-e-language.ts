import type { Language, Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import {
  defineLanguageFactory,
  type LanguageNames,
  type LanguageOptions,
} from './define-language.ts';
import {
  commandPath,
  type DetectedToolchain,
  detectToolchain,
  type ToolchainRequirements,
  type ToolRequirement,
} from './detect-toolchain.ts';
import { withIsolatedJudge } from './internal/isolated-judge-verdict.ts';
import { runStep } from './internal/steps.ts';
import { testEvidenceSteps } from './internal/test-evidence.ts';
import { withWarmExecServer } from './internal/warm-exec-server.ts';
import { judgeMultiplE, type MultiplERules } from './multipl-e-judge.ts';

/** The judges (`Program.judge`) of the languages defined with {@link defineMultiplELanguage}. */
export const MULTIPL_E_JUDGES = ['multipl-e'] as const;

/** Options every language defined with {@link defineMultiplELanguage} accepts. */
export type MultiplELanguageOptions = LanguageOptions;

/** The build and run steps of a `multipl-e` program; the run step is named `run`. */
export type MultiplESteps = (
  program: Program,
  toolchain: ToolchainInfo,
  options: StepOptions,
) => Step[];

/**
 * The interpreter that runs the main file, `<command> ...args <mainFile>` as MultiPL-E runs it:
 * the language's main tool (detected first, before `requirements.tools`).
 */
export interface Interpreter extends ToolRequirement {
  /** Arguments before the main file (Racket's `-t`). */
  readonly args?: readonly string[];
}

/**
 * passk's isolated judge of a language (see `withIsolatedJudge` in
 * `internal/isolated-judge-verdict.ts`): the step named `judge` runs the benchmark's tests in a
 * process of their own, apart from the candidate's code, and writes one verdict line.
 */
export interface MultiplEIsolatedJudge {
  /**
   * The judge step, run after the reference steps (which stop the job when the program fails)
   * in a fresh work area (`Step.freshFiles`: the program's files, the main file as `prepare`
   * kept it): nothing the reference run left can reach the candidate's process. It exits 0.
   */
  readonly steps: MultiplESteps;
  /** Start of the judge's verdict line (`__passk_rb_verdict__ `). */
  readonly mark: string;
}

/** What every language judged by MultiPL-E's rules declares. */
interface MultiplELanguageBase {
  /** Canonical id, aliases, source file extension. */
  readonly names: LanguageNames;
  /**
   * The commands and libraries it needs (after the `interpreter`, when there is one);
   * `language` defaults to `rules.language`.
   */
  readonly requirements: Omit<ToolchainRequirements, 'language' | 'env' | 'tools'> & {
    readonly language?: string;
    readonly tools?: readonly ToolRequirement[];
  };
  /** MultiPL-E's verdict rule and passk's completion evidence. */
  readonly rules: MultiplERules;
  /**
   * passk's isolated judge: a pass by `rules` must also pass there (the reference's pass is kept
   * in `Verdict.reference` when it does not). Default none.
   */
  readonly isolatedJudge?: MultiplEIsolatedJudge;
  /** Address-space limit when the options give none (default 4 GiB; 0 = none, for VMs that reserve more). */
  readonly defaultMaxMemoryBytes?: number;
  /**
   * Run the steps in a warm sandbox (`withWarmExecServer`): for interpreters that start in a
   * few milliseconds, where the sandbox's own start-up would dominate. Default false.
   */
  readonly warmSandbox?: boolean;
}

/**
 * What a language judged by MultiPL-E's rules consists of: an `interpreter` that runs the main
 * file, or the `steps` of a compiled language.
 */
export type MultiplELanguageDefinition = MultiplELanguageBase &
  (
    | { readonly interpreter: Interpreter; readonly steps?: never }
    | { readonly steps: MultiplESteps; readonly interpreter?: never }
  );

/** `<command> ...args <mainFile>`, one `run` step. */
function interpreterSteps({ key, names, args = [] }: Interpreter): MultiplESteps {
  return (program, toolchain, { timeoutFactor }) => [
    runStep(program, timeoutFactor, [
      commandPath(toolchain, key, names[0] ?? key),
      ...args,
      program.mainFile,
    ]),
  ];
}

/**
 * The definition's steps, after the `prepare` step that writes `rules.testEvidence`, if any,
 * and followed by the isolated judge's steps, if any (they start in a fresh work area).
 */
function definitionSteps(definition: MultiplELanguageDefinition): MultiplESteps {
  const reference =
    definition.steps === undefined ? interpreterSteps(definition.interpreter) : definition.steps;
  const judge = definition.isolatedJudge?.steps;
  const steps: MultiplESteps =
    judge === undefined
      ? reference
      : (program, toolchain, options) => [
          ...reference(program, toolchain, options),
          ...judge(program, toolchain, options),
        ];
  const evidence = definition.rules.testEvidence;
  const all: MultiplESteps =
    evidence === undefined
      ? steps
      : (program, toolchain, options) => [
          ...testEvidenceSteps(program, evidence.locate, evidence.code),
          ...steps(program, toolchain, options),
        ];
  if (definition.warmSandbox !== true) return all;
  return (program, toolchain, options) => withWarmExecServer(all(program, toolchain, options));
}

/**
 * A factory of language plugins from a definition (see `defineLanguageFactory`): `detect()`
 * runs `detectToolchain` once and is cached; `steps()` and `classify()` (`judgeMultiplE` with
 * the definition's rules, then `withIsolatedJudge` when it has an isolated judge) accept the
 * `multipl-e` judge and throw `UnknownIdError` for any other.
 */
export function defineMultiplELanguageFactory(
  definition: MultiplELanguageDefinition,
): (options?: MultiplELanguageOptions) => Language {
  const { names, requirements, rules, defaultMaxMemoryBytes, isolatedJudge } = definition;
  const steps = definitionSteps(definition);
  return defineLanguageFactory({
    names,
    detect: ({ env }: MultiplELanguageOptions): Promise<DetectedToolchain> =>
      detectToolchain({
        language: rules.language,
        ...requirements,
        tools: [
          ...(definition.interpreter === undefined ? [] : [definition.interpreter]),
          ...(requirements.tools ?? []),
        ],
        env,
      }),
    rules: {
      judges: MULTIPL_E_JUDGES,
      steps,
      classify: (_judge, result) => {
        const reference = judgeMultiplE(result, rules);
        return isolatedJudge === undefined
          ? reference
          : withIsolatedJudge(reference, result, isolatedJudge.mark);
      },
    },
    ...(defaultMaxMemoryBytes === undefined ? {} : { defaultMaxMemoryBytes }),
  });
}

/** The language plugin of `definition` with `options` (see {@link defineMultiplELanguageFactory}). */
export function defineMultiplELanguage(
  definition: MultiplELanguageDefinition,
  options: MultiplELanguageOptions = {},
): Language {
  return defineMultiplELanguageFactory(definition)(options);
}
