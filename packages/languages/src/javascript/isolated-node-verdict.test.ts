import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { judgement } from '../internal/verdict.ts';
import { NODE_VERDICT_MARK, parseNodeStrict, withIsolatedJudge } from './isolated-node-verdict.ts';

/** A clean judge step whose one stdout line starts with `mark`. */
function reported(mark: string, status: string) {
  const stdoutTail = `\n${mark}${JSON.stringify({ strict: { status, detail: status } })}\n`;
  return stepResult({ name: 'judge', exitCode: 0, stdoutTail, stdoutBytes: stdoutTail.length });
}

// The combination itself is tested with the shared `internal/isolated-judge-verdict.ts`.
describe('withIsolatedJudge (Node.js)', () => {
  it("reads only lines with the Node.js judge's mark", () => {
    const passed = judgement('passed', 'OK');
    expect(parseNodeStrict(reported(NODE_VERDICT_MARK, 'failed'))?.status).toBe('failed');
    expect(withIsolatedJudge(passed, { steps: [reported(NODE_VERDICT_MARK, 'passed')] })).toBe(
      passed,
    );
    const refused = withIsolatedJudge(passed, { steps: [reported(NODE_VERDICT_MARK, 'failed')] });
    expect([refused.status, refused.reference]).toEqual(['failed', passed]);
    const other = reported('__passk_rb_verdict__ ', 'passed');
    expect(parseNodeStrict(other)).toBeUndefined();
    expect(withIsolatedJudge(passed, { steps: [other] }).status).toBe('runtime_error');
  });
});
