import {
  type ExecutionLimits,
  type Language,
  type Program,
  type Step,
  type StepOptions,
  type ToolchainInfo,
  UnknownIdError,
} from '@passk/core';
import {
  type DetectedToolchain,
  detectToolchain,
  type ToolchainRequirements,
} from './detect-toolchain.ts';
import { judgeMultiplE, type MultiplERules } from './multipl-e-judge.ts';

/** The judges (`Program.judge`) of the languages defined with {@link defineMultiplELanguage}. */
export const MULTIPL_E_JUDGES = ['multipl-e'] as const;

/** Default cap on each of stdout and stderr: 1 MiB. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Default address-space limit: 4 GiB (as EvalPlus). */
export const DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;

/** Options every language defined with {@link defineMultiplELanguage} accepts. */
export interface MultiplELanguageOptions {
  /** Environment whose `PATH` detection searches (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Address-space limit per process in bytes, 0 for none (default per language). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/** What a language judged by MultiPL-E's rules consists of. */
export interface MultiplELanguageDefinition {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly extension: string;
  /** The commands and libraries it needs. */
  readonly requirements: ToolchainRequirements;
  /** The build and run steps of a `multipl-e` program; the run step is named `run`. */
  readonly steps: (program: Program, toolchain: ToolchainInfo, options: StepOptions) => Step[];
  /** MultiPL-E's verdict rule and passk's completion evidence. */
  readonly rules: MultiplERules;
  /** Address-space limit when the options give none (default 4 GiB; 0 = none, for VMs that reserve more). */
  readonly defaultMaxMemoryBytes?: number;
}

/**
 * A language plugin from a definition: `detect()` runs once and is cached; `steps()` and
 * `classify()` accept the `multipl-e` judge and throw `UnknownIdError` for any other.
 */
export function defineMultiplELanguage(
  definition: MultiplELanguageDefinition,
  options: MultiplELanguageOptions = {},
): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes:
      options.maxMemoryBytes ?? definition.defaultMaxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
  };
  const checkJudge = (judge: string): void => {
    if ((MULTIPL_E_JUDGES as readonly string[]).includes(judge)) return;
    throw new UnknownIdError({
      kind: `${definition.id} judge`,
      requested: judge,
      known: MULTIPL_E_JUDGES,
      hint: 'set Program.judge to one of them',
    });
  };
  let detected: Promise<DetectedToolchain> | undefined;
  return {
    id: definition.id,
    aliases: definition.aliases,
    extension: definition.extension,
    detect() {
      detected ??= detectToolchain({ ...definition.requirements, env: options.env });
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      checkJudge(program.judge);
      return definition.steps(program, toolchain, stepOptions);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      checkJudge(program.judge);
      return judgeMultiplE(result, definition.rules);
    },
  };
}
