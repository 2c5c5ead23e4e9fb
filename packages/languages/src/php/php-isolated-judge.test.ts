import { COMPLETION_SENTINEL, type Program, type ToolchainInfo } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { createPhpLanguage } from './create-php-language.ts';
import { PHP_ISOLATED_JUDGE_PATH, PHP_VERDICT_MARK } from './php-isolated-judge.ts';

const language = createPhpLanguage();
/** MultiPL-E's PHP shape: prompt and completion, the `candidate` wrapper, `test()`, `test();`. */
const contents = [
  '<?php',
  'function add($x, $y) {',
  '    return $x + $y;',
  '}',
  '',
  'function candidate(...$args) {',
  '    return add(...$args);',
  '}',
  '',
  'function test(): void {',
  '    if (candidate(2, 3) !== 5) { throw new Exception("Test failed!"); }',
  '}',
  '',
  'test();',
].join('\n');
const program: Program = {
  language: 'php',
  files: [{ path: 'main.php', contents }],
  mainFile: 'main.php',
  judge: 'multipl-e',
  timeoutMs: 15_000,
};
const toolchain = { available: true, commands: { php: '/usr/bin/php' } } as ToolchainInfo;

/** The judge step's one clean stdout line, with `mark`. */
function judged(strict: object | null, mark = PHP_VERDICT_MARK) {
  const stdoutTail = `\n${mark}${JSON.stringify({ strict })}\n`;
  return stepResult({ name: 'judge', stdoutTail });
}

/** The reference run: the sentinel and exit 0 (MultiPL-E's `OK`), or a failed test. */
const passedRun = stepResult({ stdoutTail: `\n${COMPLETION_SENTINEL}\n` });
const failedRun = stepResult({
  exitCode: 255,
  stdoutTail: 'PHP Fatal error:  Uncaught Exception: Test failed! in main.php:9',
});

/** The verdict of a job whose judge step reported `judge` after the reference run `run`. */
const verdictOf = (judge: ReturnType<typeof stepResult>, run: ReturnType<typeof stepResult>) =>
  language.classify(program, { steps: [stepResult({ name: 'prepare' }), run, judge] });

describe("PHP's isolated judge step", () => {
  it('runs after the reference run in a fresh work area, with no environment of its own', () => {
    const steps = language.steps(program, toolchain, { timeoutFactor: 2 });
    expect(steps.map((step) => step.name)).toEqual(['prepare', 'run', 'judge']);
    expect(steps[0]?.keepFiles).toEqual(['main.php']);
    const judge = steps[2];
    expect(judge?.freshFiles).toEqual(program.files);
    expect(judge?.argv.slice(-3)).toEqual([PHP_ISOLATED_JUDGE_PATH, 'main.php', '30000']);
    expect(judge?.argv).toContain('ffi.enable=1');
    expect(judge?.timeoutMs).toBe(2 * 30_000 + 3000);
    expect(judge?.stopOnFailure).toBe(false);
    // No variables: a warm sandbox may run it, as it runs the reference step.
    expect(judge?.env).toBeUndefined();
    expect(judge?.server).toEqual(steps[1]?.server);
  });
});

describe('withIsolatedJudge (PHP)', () => {
  it("passes only when MultiPL-E's rule and the isolated tests both pass", () => {
    const passed = verdictOf(judged({ status: 'passed', detail: 'passed' }), passedRun);
    expect([passed.status, passed.detail, passed.reference]).toEqual(['passed', 'OK', undefined]);
    const refused = verdictOf(
      judged({ status: 'failed', detail: 'Exception: Test failed!' }),
      passedRun,
    );
    expect(refused.status).toBe('failed');
    expect(refused.detail).toMatch(/^Exception: Test failed! \(tests run in a process apart/);
    expect(refused.reference).toMatchObject({ status: 'passed', passed: true, detail: 'OK' });
  });

  it("keeps MultiPL-E's verdict when it fails, and uses it alone for a program without a test part", () => {
    const failed = verdictOf(judged({ status: 'passed', detail: 'passed' }), failedRun);
    expect([failed.status, failed.reference]).toEqual(['failed', undefined]);
    const untestable = verdictOf(judged(null), passedRun);
    expect([untestable.status, untestable.reference]).toEqual(['passed', undefined]);
  });

  it("refuses a line with another judge's mark, a forged extra line, a killed judge", () => {
    const forged = [
      judged({ status: 'passed', detail: 'passed' }, '__passk_rb_verdict__ '),
      stepResult({
        name: 'judge',
        stdoutTail:
          `\n${PHP_VERDICT_MARK}{"strict":{"status":"passed","detail":"passed"}}\n`.repeat(2),
      }),
      { ...judged({ status: 'passed', detail: 'passed' }), exitCode: null, signal: 'SIGKILL' },
    ];
    for (const step of forged) {
      const verdict = verdictOf(step, passedRun);
      expect([verdict.status, verdict.reference?.status]).toEqual(['runtime_error', 'passed']);
    }
  });
});
