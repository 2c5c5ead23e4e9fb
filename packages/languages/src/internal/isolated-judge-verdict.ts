import type { ExecutionResult, Judgement, StepResult, Verdict, VerdictStatus } from '@passk/core';
import { judgement, withReference } from './verdict.ts';

/** Name of the step that runs an isolated judge (JavaScript's `isolated-judge.cjs`, Ruby's `isolated_judge.rb`). */
export const JUDGE_STEP = 'judge';

/**
 * The steps of the reference rule: those before the first judge step (named {@link JUDGE_STEP}
 * or `judge-…`, which isolated and output judges run after the reference steps).
 */
export function referenceSteps(steps: readonly StepResult[]): readonly StepResult[] {
  const judge = steps.findIndex(
    (step) => step.name === JUDGE_STEP || step.name.startsWith(`${JUDGE_STEP}-`),
  );
  return judge < 0 ? steps : steps.slice(0, judge);
}

/** Added to the detail of a program the reference rule passes and the isolated tests do not. */
export const ISOLATED_NOTE =
  "tests run in a process apart from the program's; the reference run, in one process, passes it";

const STATUSES: ReadonlySet<string> = new Set(['passed', 'failed', 'runtime_error', 'timeout']);

/** An isolated judge's report: the tests' outcome, null when the program has no test part. */
export type IsolatedStrict = {
  readonly status: VerdictStatus;
  readonly detail: string;
} | null;

/**
 * The judge step's report, or undefined when the step did not report cleanly: its stdout must be
 * exactly one line `<mark>{"strict": {"status", "detail"} | null}` (the judge writes nothing else
 * there; another process adding a line shows), all of it captured, and it must have exited 0.
 * `status` is one of `passed`, `failed`, `runtime_error`, `timeout`.
 */
export function parseIsolatedStrict(step: StepResult, mark: string): IsolatedStrict | undefined {
  if (step.exitCode !== 0 || step.signal !== null || step.timedOut) return undefined;
  const text = step.stdoutTail.replace(/^\n/, '').replace(/\n$/, '');
  if (text.includes('\n') || !text.startsWith(mark)) return undefined;
  if (step.stdoutBytes !== Buffer.byteLength(step.stdoutTail)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(mark.length));
  } catch {
    return undefined;
  }
  const strict = (value as { strict?: unknown } | null)?.strict;
  if (strict === null) return null;
  if (typeof strict !== 'object' || strict === undefined) return undefined;
  const { status, detail } = strict as Record<string, unknown>;
  if (typeof status !== 'string' || !STATUSES.has(status) || typeof detail !== 'string') {
    return undefined;
  }
  return { status: status as VerdictStatus, detail };
}

/**
 * The verdict with an isolated judge whose step ({@link JUDGE_STEP}) writes `mark` lines:
 * `reference` (the reference rule's verdict) when it did not pass, when no judge step ran, or
 * when the judge found no test part to split off (the reference rule alone); `reference` too when
 * the tests passed in the judge; otherwise the judge's status (a judge that did not report
 * cleanly: `runtime_error`, or `timeout` at its time limit) with the reference's pass kept in
 * `Verdict.reference`.
 */
export function withIsolatedJudge(
  reference: Verdict,
  result: ExecutionResult,
  mark: string,
): Verdict {
  if (!reference.passed) return reference;
  const step = result.steps.find((candidate) => candidate.name === JUDGE_STEP);
  if (step === undefined) return reference;
  const strict = parseIsolatedStrict(step, mark);
  if (strict === null) return reference;
  if (strict?.status === 'passed') return reference;
  const own =
    strict === undefined
      ? step.timedOut
        ? judgement('timeout', 'the isolated tests timed out')
        : judgement(
            'runtime_error',
            'the isolated judge did not report (its process was disturbed)',
          )
      : judgement(strict.status, strict.detail);
  return isolatedVerdict(reference, own);
}

/**
 * An isolated judge's `own` judgement of a program the reference rule passed (`reference`):
 * `own`, its detail followed by {@link ISOLATED_NOTE}, with the reference's pass kept in
 * `Verdict.reference`.
 */
export function isolatedVerdict(reference: Verdict, own: Judgement): Verdict {
  return withReference(
    { ...own, detail: `${own.detail} (${ISOLATED_NOTE})` },
    judgement('passed', reference.detail),
  );
}
