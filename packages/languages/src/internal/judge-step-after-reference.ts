import type { Program, Step, StepOptions } from '@passk/core';
import { hostMounts } from './host-mounts.ts';
import { JUDGE_STEP } from './isolated-judge-verdict.ts';
import { scaled } from './steps.ts';

/** What a script language's isolated judge (Ruby's, PHP's) is started with. */
export interface JudgeCommand {
  /** The command, given the time limit of the tests in milliseconds. */
  readonly argv: (timeoutMs: number) => readonly string[];
  /** Its environment variables, given the same limit (default none: a warm sandbox may run it). */
  readonly env?: (timeoutMs: number) => Readonly<Record<string, string>>;
  /** The judge's own files, mounted read-only. */
  readonly files: readonly string[];
}

/**
 * The isolated judge's step ({@link JUDGE_STEP}) for `program`, run after the reference run
 * (which stops the job when the program fails) in a fresh work area: `program`'s files and
 * what earlier steps kept (the main file as `prepare` wrote it), nothing the reference run
 * left in the work directory or `/tmp`. The tests get the program's time limit ×
 * `timeoutFactor`, the step twice that + 3 s (B's start, the clean-up). Its exit code never
 * stops the job.
 */
export function judgeStepAfterReference(
  program: Program,
  { timeoutFactor }: StepOptions,
  command: JudgeCommand,
): Step {
  const timeoutMs = scaled(program.timeoutMs, timeoutFactor);
  return {
    name: JUDGE_STEP,
    argv: command.argv(timeoutMs),
    timeoutMs: 2 * timeoutMs + 3000,
    stopOnFailure: false,
    freshFiles: program.files,
    ...(command.env === undefined ? {} : { env: command.env(timeoutMs) }),
    mounts: hostMounts(command.files),
  };
}
