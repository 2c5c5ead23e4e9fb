import type { StepResult } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { parseIsolatedStrict, withIsolatedJudge } from './isolated-judge-verdict.ts';
import { judgement } from './verdict.ts';

const MARK = '__passk_rb_verdict__ ';
const line = (strict: object | null, mark = MARK) => `\n${mark}${JSON.stringify({ strict })}\n`;

const judgeStep = (stdout: string, fields: Partial<StepResult> = {}): StepResult =>
  stepResult({
    name: 'judge',
    exitCode: 0,
    stdoutTail: stdout,
    stdoutBytes: Buffer.byteLength(stdout),
    ...fields,
  });

const run = (exitCode: number) => stepResult({ name: 'run', exitCode });
const PASSED = judgement('passed', 'OK');
const passedLine = line({ status: 'passed', detail: '1 tests, 5 assertions, 0 failures' });
const failedLine = line({ status: 'failed', detail: 'Failure: <1> expected but was <0>.' });

describe('withIsolatedJudge (a judge step after the reference run)', () => {
  it('passes only when the isolated tests passed too, else keeps the reference pass aside', () => {
    const steps = [run(0), judgeStep(passedLine)];
    expect(withIsolatedJudge(PASSED, { steps }, MARK)).toBe(PASSED);
    const refused = withIsolatedJudge(PASSED, { steps: [run(0), judgeStep(failedLine)] }, MARK);
    expect(refused.status).toBe('failed');
    expect(refused.passed).toBe(false);
    expect(refused.detail).toMatch(
      /^Failure: <1> expected but was <0>\. \(tests run in a process apart/,
    );
    expect(refused.reference).toEqual(PASSED);
  });

  it("keeps the reference's verdict when it failed, when no judge ran, or when the program has no test part", () => {
    const reference = judgement('failed', 'Exception');
    expect(withIsolatedJudge(reference, { steps: [run(1), judgeStep(passedLine)] }, MARK)).toBe(
      reference,
    );
    expect(withIsolatedJudge(reference, { steps: [judgeStep(failedLine), run(1)] }, MARK)).toBe(
      reference,
    );
    expect(withIsolatedJudge(PASSED, { steps: [run(0)] }, MARK)).toBe(PASSED);
    expect(withIsolatedJudge(PASSED, { steps: [judgeStep(line(null)), run(0)] }, MARK)).toBe(
      PASSED,
    );
  });

  it("refuses a judge that did not report cleanly: another language's mark, an extra line, a kill, its time limit", () => {
    const disturbed = [
      judgeStep(line({ status: 'passed', detail: 'passed' }, '__passk_js_verdict__ ')),
      judgeStep(`${passedLine}${passedLine}`),
      judgeStep(`forged\n${passedLine}`),
      judgeStep(passedLine, { exitCode: null, signal: 'SIGKILL' }),
      judgeStep(passedLine, { exitCode: 1 }),
      judgeStep(passedLine, { stdoutBytes: 100_000 }),
      judgeStep(line({ status: 'passed!', detail: 'passed' })),
      judgeStep(line({ status: 'passed' })),
      judgeStep(`\n${MARK}{"strict":`),
      judgeStep(''),
    ];
    for (const step of disturbed) {
      expect(parseIsolatedStrict(step, MARK)).toBeUndefined();
      const verdict = withIsolatedJudge(PASSED, { steps: [step, run(0)] }, MARK);
      expect([verdict.status, verdict.reference?.status]).toEqual(['runtime_error', 'passed']);
    }
    const late = withIsolatedJudge(
      PASSED,
      { steps: [judgeStep('', { exitCode: null, signal: 'SIGKILL', timedOut: true }), run(0)] },
      MARK,
    );
    expect([late.status, late.reference?.status]).toEqual(['timeout', 'passed']);
  });

  it("reports the judge's own status: a timeout, a runtime error", () => {
    for (const status of ['timeout', 'runtime_error'] as const) {
      const step = judgeStep(line({ status, detail: 'why' }));
      expect(parseIsolatedStrict(step, MARK)).toEqual({ status, detail: 'why' });
      const verdict = withIsolatedJudge(PASSED, { steps: [step, run(0)] }, MARK);
      expect([verdict.status, verdict.reference?.status]).toEqual([status, 'passed']);
    }
  });
});
