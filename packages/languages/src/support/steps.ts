import { COMPLETION_SENTINEL } from '@passk/core';

/** Name of the step that runs the tests; `judgeMultiplE` judges the step of this name. */
export const RUN_STEP = 'run';

/** The sentinel as a string literal of C-like languages (`"\n__passk_tests_completed__\n"`). */
export const SENTINEL_LITERAL = JSON.stringify(`\n${COMPLETION_SENTINEL}\n`);

/** Scales a time limit by the run's timeout factor, in whole milliseconds. */
export function scaled(timeoutMs: number, factor: number): number {
  return Math.round(timeoutMs * factor);
}
