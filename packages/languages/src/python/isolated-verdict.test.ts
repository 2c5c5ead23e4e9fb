import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { classifyHumanEvalExec } from './classify-humaneval-exec.ts';
import { ISOLATED_VERDICT_MARK, withoutIsolatedVerdict } from './isolated-verdict.ts';

const report = (result: string, stdoutTail: string, durationMs: number) => ({
  result,
  exception: result === 'passed' ? null : 'AssertionError',
  compile_error: false,
  stdout_tail: stdoutTail,
  stderr_tail: '',
  stdout_bytes: stdoutTail.length,
  duration_ms: durationMs,
});

const judged = (strict: object, reference: object) =>
  classifyHumanEvalExec({
    steps: [
      stepResult({
        stdoutTail: `\n${ISOLATED_VERDICT_MARK}${JSON.stringify({ strict, reference })}\n`,
        stderrTail: 'warning: printed to stderr\n',
      }),
    ],
  } as Parameters<typeof classifyHumanEvalExec>[0]);

describe('the isolated judge verdict line', () => {
  it("is read for the verdict and kept out of the program's recorded output", () => {
    const verdict = judged(
      report('passed', 'printed by the program\n', 12.5),
      report('passed', 'printed by the program\n', 30.25),
    );
    expect(verdict).toMatchObject({ status: 'passed', passed: true });
    expect(verdict.output).toEqual({
      stdout: 'printed by the program\n',
      stderr: 'warning: printed to stderr\n',
    });
    // Durations differ between runs; the recorded output must not carry them.
    expect(
      judged(
        report('passed', 'printed by the program\n', 99),
        report('passed', 'printed by the program\n', 1),
      ).output,
    ).toEqual(verdict.output);
  });

  it('keeps a forged pass as the reference judgement and records what the program printed', () => {
    const verdict = judged(report('failed: ', '', 1), report('passed', 'rigged\n', 1));
    expect(verdict).toMatchObject({ status: 'failed', reference: { status: 'passed' } });
    expect(verdict.output?.stdout).toBe('rigged\n');
  });

  it('withoutIsolatedVerdict removes only the verdict lines', () => {
    expect(withoutIsolatedVerdict(`a\n${ISOLATED_VERDICT_MARK}{}\nb`)).toBe('a\nb');
    expect(withoutIsolatedVerdict('plain output\n')).toBe('plain output\n');
  });
});
