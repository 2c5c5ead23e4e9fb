import { COMPLETION_SENTINEL, type Program, type Step } from '@passk/core';

/** Name of the step that runs the tests; `judgeMultiplE` judges the step of this name. */
export const RUN_STEP = 'run';

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
