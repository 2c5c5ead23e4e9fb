import type { StepResult } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { judgement } from '../internal/verdict.ts';
import { NODE_VERDICT_MARK, parseNodeStrict, withIsolatedJudge } from './isolated-node-verdict.ts';

const line = (strict: object | null) => `\n${NODE_VERDICT_MARK}${JSON.stringify({ strict })}\n`;

const judgeStep = (stdout: string, fields: Partial<StepResult> = {}): StepResult =>
  stepResult({
    name: 'judge',
    exitCode: 0,
    stdoutTail: stdout,
    stdoutBytes: Buffer.byteLength(stdout),
    ...fields,
  });

const PASSED = judgement('passed', 'OK');
const failed = line({ status: 'failed', detail: 'AssertionError: 1 != 2' });

describe('withIsolatedJudge', () => {
  it('passes only when the isolated tests passed too, else keeps the reference pass aside', () => {
    const ok = judgeStep(line({ status: 'passed', detail: 'passed' }));
    expect(withIsolatedJudge(PASSED, { steps: [ok] })).toEqual(PASSED);
    const verdict = withIsolatedJudge(PASSED, { steps: [judgeStep(failed)] });
    expect(verdict.status).toBe('failed');
    expect(verdict.detail).toMatch(/^AssertionError: 1 != 2 \(tests run in a process apart/);
    expect(verdict.reference).toEqual(PASSED);
  });

  it("keeps the reference's verdict when it failed, when no judge ran, or when the program has no test part", () => {
    const reference = judgement('failed', 'AssertionError');
    expect(withIsolatedJudge(reference, { steps: [judgeStep(failed)] })).toBe(reference);
    expect(withIsolatedJudge(PASSED, { steps: [] })).toBe(PASSED);
    expect(withIsolatedJudge(PASSED, { steps: [judgeStep(line(null))] })).toBe(PASSED);
  });

  it('refuses a judge that did not report cleanly: an extra line, a kill, its time limit', () => {
    const pass = line({ status: 'passed', detail: 'passed' });
    const disturbed = [
      judgeStep(`${pass}${pass}`),
      judgeStep(`printed\n${pass}`),
      judgeStep(pass, { exitCode: null, signal: 'SIGKILL' }),
      judgeStep(pass, { stdoutBytes: 100_000 }),
      judgeStep(line({ status: 'passed!', detail: 'passed' })),
      judgeStep(''),
    ];
    for (const step of disturbed) {
      expect(parseNodeStrict(step)).toBeUndefined();
      const verdict = withIsolatedJudge(PASSED, { steps: [step] });
      expect([verdict.status, verdict.reference?.status]).toEqual(['runtime_error', 'passed']);
    }
    const late = withIsolatedJudge(PASSED, {
      steps: [judgeStep('', { exitCode: null, signal: 'SIGKILL', timedOut: true })],
    });
    expect(late.status).toBe('timeout');
  });
});
