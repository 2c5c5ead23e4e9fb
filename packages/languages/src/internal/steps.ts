import { COMPLETION_SENTINEL, type Program, type Step } from '@passk/core';

/** Name of the step that runs the tests; `judgeMultiplE` judges the step of this name. */
export const RUN_STEP = 'run';

/** Time limit of a preparation step that only copies files, in milliseconds. */
const PREPARE_TIMEOUT_MS = 10_000;

/**
 * A step that writes `derivedFile` = the contents of `mainFile` followed by `tail` (code that
 * prints {@link COMPLETION_SENTINEL} after the tests), with `/bin/sh`, `cat` and `printf`.
 * Used where only code placed after the tests can tell that they ran to completion, and where
 * the interpreter must still read the program exactly as the reference harness does (a shell
 * script read as a file, R read as a script, Swift's top-level code).
 */
export function appendTailStep(mainFile: string, derivedFile: string, tail: string): Step {
  return {
    name: 'prepare',
    argv: [
      '/bin/sh',
      '-c',
      'cat -- "$1" > "$2" && printf "%s" "$3" >> "$2"',
      'sh',
      mainFile,
      derivedFile,
      tail,
    ],
    timeoutMs: PREPARE_TIMEOUT_MS,
  };
}

/** The sentinel as a string literal of C-like languages (`"\n__passk_tests_completed__\n"`). */
export const SENTINEL_LITERAL = JSON.stringify(`\n${COMPLETION_SENTINEL}\n`);

/** Scales a time limit by the run's timeout factor, in whole milliseconds. */
export function scaled(timeoutMs: number, factor: number): number {
  return Math.round(timeoutMs * factor);
}

/**
 * The step that runs the tests ({@link RUN_STEP}): `argv` with the program's time limit scaled
 * by `timeoutFactor`, and `extra` fields (mounts, env).
 */
export function runStep(
  program: Program,
  timeoutFactor: number,
  argv: readonly string[],
  extra: Partial<Step> = {},
): Step {
  return { name: RUN_STEP, argv, timeoutMs: scaled(program.timeoutMs, timeoutFactor), ...extra };
}

/** A step named `build`: `argv` with the limit `timeoutMs` scaled by `timeoutFactor`. */
export function buildStep(
  argv: readonly string[],
  timeoutMs: number,
  timeoutFactor: number,
  extra: Partial<Step> = {},
): Step {
  return { name: 'build', argv, timeoutMs: scaled(timeoutMs, timeoutFactor), ...extra };
}
