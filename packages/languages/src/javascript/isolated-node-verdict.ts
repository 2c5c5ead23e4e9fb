import type { ExecutionResult, StepResult, Verdict } from '@passk/core';
import {
  ISOLATED_NOTE,
  type IsolatedStrict,
  JUDGE_STEP,
  parseIsolatedStrict,
  withIsolatedJudge as withIsolatedJudgeMarked,
} from '../internal/isolated-judge-verdict.ts';

/** Start of the one line `isolated-judge.cjs` writes on its stdout. */
export const NODE_VERDICT_MARK = '__passk_js_verdict__ ';

/** Name of the step that runs `isolated-judge.cjs`. */
export { JUDGE_STEP };

/** Added to the detail of a program the reference rule passes and the isolated tests do not. */
export const NODE_ISOLATED_NOTE = ISOLATED_NOTE;

/** The judge step's report: the tests' outcome, null when the program has no test part. */
export type NodeStrict = IsolatedStrict;

/**
 * The judge step's report, or undefined when the step did not report cleanly (see
 * `parseIsolatedStrict`, with {@link NODE_VERDICT_MARK}).
 */
export function parseNodeStrict(step: StepResult): NodeStrict | undefined {
  return parseIsolatedStrict(step, NODE_VERDICT_MARK);
}

/**
 * The verdict with the isolated judge (`isolated-judge.cjs`): `reference` (the reference rule's
 * verdict of the `run` step) unless it passed and the judge's tests did not; see the shared
 * `withIsolatedJudge` in `internal/isolated-judge-verdict.ts`.
 */
export function withIsolatedJudge(reference: Verdict, result: ExecutionResult): Verdict {
  return withIsolatedJudgeMarked(reference, result, NODE_VERDICT_MARK);
}
