import type { StepResult } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { OUTPUT_JUDGE_STEPS, outputJudgeSteps, withOutputJudge } from './output-judge.ts';
import { judgement } from './verdict.ts';

const PASSED = judgement('passed', 'OK');
const reference = stepResult({ name: 'run', exitCode: 0 });
const values = (name: string, report: unknown, fields: Partial<StepResult> = {}): StepResult =>
  stepResult({ name, exitCode: 0, report, ...fields });
const expected = values(OUTPUT_JUDGE_STEPS.expected, ['3', '[1 2]']);
const judged = (...candidate: StepResult[]) =>
  withOutputJudge(PASSED, { steps: [reference, expected, ...candidate] });

describe('outputJudgeSteps', () => {
  it('runs the expected values, then the candidate, each from a fresh work area with its files only', () => {
    const files = (name: string) => [{ path: `${name}.go`, contents: name }];
    const run = { argv: ['./p'], timeoutMs: 1000 };
    const steps = outputJudgeSteps(
      { files: files('expected'), run },
      { files: files('candidate'), build: { argv: ['cc'], timeoutMs: 5000 }, run },
    );
    expect(steps.map((step) => [step.name, step.freshFiles?.[0]?.path, step.reportFile])).toEqual([
      ['judge-expected', 'expected.go', 'passk-values.json'],
      ['judge-candidate-build', 'candidate.go', undefined],
      ['judge-candidate', undefined, 'passk-values.json'],
    ]);
  });
});

describe('withOutputJudge', () => {
  it('keeps the reference pass when the candidate printed the expected values', () => {
    expect(judged(values(OUTPUT_JUDGE_STEPS.candidate, ['3', '[1 2]']))).toBe(PASSED);
  });

  it('refuses another value, naming the call, and keeps the reference pass aside', () => {
    const verdict = judged(values(OUTPUT_JUDGE_STEPS.candidate, ['3', '[1 3]']));
    expect(verdict.status).toBe('failed');
    expect(verdict.detail).toMatch(/^call 2 of 2 gave "\[1 3\]", expected "\[1 2\]" \(tests run/);
    expect(verdict.reference).toEqual(PASSED);
  });

  it('refuses a program that stops early, crashes, times out or does not build alone', () => {
    const status = (...steps: StepResult[]) => judged(...steps).status;
    expect(status(values(OUTPUT_JUDGE_STEPS.candidate, ['3']))).toBe('runtime_error');
    expect(status(values(OUTPUT_JUDGE_STEPS.candidate, null, { exitCode: 2 }))).toBe(
      'runtime_error',
    );
    expect(status(values(OUTPUT_JUDGE_STEPS.candidate, ['3', '[1 2]'], { exitCode: 1 }))).toBe(
      'runtime_error',
    );
    expect(status(values(OUTPUT_JUDGE_STEPS.candidate, null, { timedOut: true }))).toBe('timeout');
    expect(status(values(OUTPUT_JUDGE_STEPS.candidateBuild, null, { exitCode: 1 }))).toBe(
      'compile_error',
    );
    expect(status()).toBe('runtime_error');
  });

  it('leaves the verdict to the reference rule when it failed or the expected values are missing', () => {
    const failed = judgement('failed', 'Exception');
    const candidate = values(OUTPUT_JUDGE_STEPS.candidate, ['4']);
    expect(withOutputJudge(failed, { steps: [reference, expected, candidate] })).toBe(failed);
    const broken = values(OUTPUT_JUDGE_STEPS.expected, null, { exitCode: 1 });
    expect(withOutputJudge(PASSED, { steps: [reference, broken, candidate] })).toBe(PASSED);
    expect(withOutputJudge(PASSED, { steps: [reference] })).toBe(PASSED);
    const unprintable = withOutputJudge(
      PASSED,
      { steps: [reference, expected, candidate] },
      () => false,
    );
    expect(unprintable).toBe(PASSED);
  });
});
