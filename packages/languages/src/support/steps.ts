import { COMPLETION_SENTINEL, type Step } from '@passk/core';

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
