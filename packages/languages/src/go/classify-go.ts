import type { ExecutionResult, Verdict } from '@passk/core';
import { oneLine } from '../internal/one-line.ts';
import { withOutputJudge } from '../internal/output-judge.ts';
import { incomplete, judgement } from '../internal/verdict.ts';
import type { GoJudge } from './go-steps.ts';

/** True when the test binary's stdout ends its run with the testing package's `PASS` line. */
function printedPass(stdout: string): boolean {
  return stdout.split('\n').some((line) => line.replace(/\r$/, '') === 'PASS');
}

/**
 * The verdict for a Go program (the build and run halves of `go test`).
 *
 * | what happened                                  | CodeGeeX (`humaneval-x`)   | MultiPL-E     | status              |
 * | ---------------------------------------------- | -------------------------- | ------------- | ------------------- |
 * | go could not be started / testify missing      | (n/a)                      | (n/a)         | `toolchain_missing` |
 * | build killed at its limit                      | `timed out`                | `Timeout`     | `timeout`           |
 * | build failed (compile or vet error)            | `failed: <output>`         | `SyntaxError` | `compile_error`     |
 * | run killed at its limit, or `-test.timeout`    | `timed out`                | `Timeout`     | `timeout`           |
 * | output limit exceeded                          | `failed: <output>`         | `Exception`   | `output_limit`      |
 * | exit 0, no "FAIL", the `PASS` line printed     | `passed`                   | `OK`          | `passed`            |
 * | exit 0, no `PASS` line (`os.Exit(0)` in init)  | `passed`                   | `OK`          | `runtime_error`, reference `passed` |
 * | a test failed (`--- FAIL`)                     | `failed: <output>`         | `Exception`   | `failed`            |
 * | any other failure (panic, `os.Exit(0)` during a test, which `-test.paniconexit0` turns into a panic) | `failed: <output>` | `Exception` | `runtime_error` |
 *
 * Under `multipl-e`, a pass is then checked by the output judge (`withOutputJudge`: the
 * candidate's calls must print the expected values, see `goOutputJudgeSteps`); the reference's
 * pass is kept in `Verdict.reference` when they do not.
 *
 * MultiPL-E judges `go test`'s stdout ("FAIL" ⇒ Exception); `go test` prints a FAIL line for
 * every non-zero exit of the binary, so here any non-zero exit, or "FAIL" printed by the
 * program itself, counts the same.
 */
export function classifyGo(judge: GoJudge, result: ExecutionResult): Verdict {
  const reference = classifyGoTest(judge, result);
  return judge === 'multipl-e' ? withOutputJudge(reference, result) : reference;
}

/** The reference rule alone (the table of {@link classifyGo}), from the steps `build` and `run`. */
function classifyGoTest(judge: GoJudge, result: ExecutionResult): Verdict {
  const build = result.steps.find((step) => step.name === 'build');
  const run = result.steps.find((step) => step.name === 'run');
  const humanEvalX = judge === 'humaneval-x';
  if (build === undefined) {
    return judgement(
      'toolchain_missing',
      'testify, which HumanEval-X Go tests import, is not installed (apt-get install golang-github-stretchr-testify-dev or set PASSK_GOPATH)',
    );
  }
  if (build.spawnError !== undefined) {
    return judgement('toolchain_missing', `go could not be started: ${build.spawnError}`);
  }
  if (build.timedOut) return judgement('timeout', humanEvalX ? 'timed out' : 'Timeout');
  if (build.exitCode !== 0 || run === undefined) {
    return judgement(
      'compile_error',
      humanEvalX ? oneLine('failed: ', build.stderrTail || build.stdoutTail) : 'SyntaxError',
    );
  }
  if (run.spawnError !== undefined) {
    return judgement('infra_error', `the test binary could not be started: ${run.spawnError}`);
  }
  const output = `${run.stdoutTail}\n${run.stderrTail}`;
  const failed = humanEvalX ? oneLine('failed: ', run.stderrTail || run.stdoutTail) : 'Exception';
  if (run.timedOut || /panic: test timed out after/.test(output)) {
    return judgement('timeout', humanEvalX ? 'timed out' : 'Timeout');
  }
  if (run.outputLimitExceeded) return judgement('output_limit', failed);
  if (run.exitCode === 0 && (humanEvalX || !run.stdoutTail.includes('FAIL'))) {
    return printedPass(run.stdoutTail)
      ? judgement('passed', humanEvalX ? 'passed' : 'OK')
      : incomplete(humanEvalX ? 'passed' : 'OK');
  }
  if (/^--- FAIL/m.test(run.stdoutTail) && !/^panic: /m.test(output)) {
    return judgement('failed', failed);
  }
  if (/fatal error: runtime: out of memory|cannot allocate memory/.test(output)) {
    return judgement('memory_limit', failed);
  }
  return judgement('runtime_error', failed);
}
