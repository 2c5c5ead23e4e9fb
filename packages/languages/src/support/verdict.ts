import type { Judgement, Verdict, VerdictStatus } from '@passk/core';

/** A judgement; `passed` is true exactly when `status` is `passed`. */
export function judgement(status: VerdictStatus, detail: string): Judgement {
  return { status, passed: status === 'passed', detail };
}

/** A verdict, with the reference harness's judgement when it differs. */
export function verdictOf(status: VerdictStatus, detail: string, reference?: Judgement): Verdict {
  return reference === undefined
    ? judgement(status, detail)
    : { ...judgement(status, detail), reference };
}
