import type { Judgement, Verdict, VerdictStatus } from '@passk/core';

/** A judgement; `passed` is true exactly when `status` is `passed`. */
export function judgement(status: VerdictStatus, detail: string): Judgement {
  return { status, passed: status === 'passed', detail };
}

/**
 * passk's verdict `own`, carrying the reference harness's judgement `reference` only when the
 * two differ in status (see `Verdict.reference`).
 */
export function withReference(own: Judgement, reference: Judgement): Verdict {
  return own.status === reference.status ? own : { ...own, reference };
}

/**
 * The verdict for a program the reference rule passes but that gave no evidence that its tests
 * ran to completion (it exited early with status 0, or killed its test harness): passk says
 * `runtime_error`, the reference's pass is kept in `reference`.
 */
export function incomplete(referenceDetail: string): Verdict {
  return withReference(
    judgement(
      'runtime_error',
      `${referenceDetail} by the reference rule, but the tests did not run to completion (the program exited before its last test)`,
    ),
    judgement('passed', referenceDetail),
  );
}
