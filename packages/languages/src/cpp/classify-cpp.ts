import { type ExecutionResult, type Verdict, withoutCompletionSentinel } from '@passk/core';
import { nativeEnding } from '../internal/native-verdict.ts';
import { oneLine } from '../internal/one-line.ts';
import { withOutputJudge } from '../internal/output-judge.ts';
import { incomplete, judgement } from '../internal/verdict.ts';
import { cppValuesPrintable } from './cpp-output-judge.ts';
import type { CppJudge } from './cpp-steps.ts';

/**
 * The verdict for a C++ program; `detail` uses the reference harness's words.
 *
 * | what happened                         | CodeGeeX (`humaneval-x`)             | MultiPL-E     | status              |
 * | ------------------------------------- | ------------------------------------ | ------------- | ------------------- |
 * | g++ could not be started              | (n/a)                                | (n/a)         | `toolchain_missing` |
 * | g++ killed at its limit               | `timed out`                          | `SyntaxError` | `timeout`           |
 * | g++ failed                            | `failed: compilation error: <err>`   | `SyntaxError` | `compile_error`     |
 * | run killed at its limit               | `timed out`                          | `Timeout`     | `timeout`           |
 * | output limit exceeded                 | `failed: <output>`                   | `Exception`   | `output_limit`      |
 * | exit 0, `main` returned               | `passed`                             | `OK`          | `passed`            |
 * | exit 0, exited early (`exit(0)`)      | `passed`                             | `OK`          | `runtime_error`, reference `passed` |
 * | failed `assert` (abort)               | `failed: <stderr>`                   | `Exception`   | `failed`            |
 * | `std::bad_alloc`                      | `failed: <stderr>`                   | `Exception`   | `memory_limit`      |
 * | any other non-zero exit or signal     | `failed: <stderr or stdout>`         | `Exception`   | `runtime_error`     |
 *
 * A MultiPL-E pass must then be earned again in the output judge (`withOutputJudge`: the
 * candidate's results printed apart from the tests and compared with the expected values).
 */
export function classifyCpp(judge: CppJudge, result: ExecutionResult): Verdict {
  const reference = classifyCppRun(judge, result);
  return judge === 'multipl-e' ? withOutputJudge(reference, result, cppValuesPrintable) : reference;
}

/** The reference rule's verdict (the table of {@link classifyCpp}). */
function classifyCppRun(judge: CppJudge, result: ExecutionResult): Verdict {
  const [compile, run] = result.steps;
  const humanEvalX = judge === 'humaneval-x';
  if (compile === undefined) return judgement('infra_error', 'no step ran');
  if (compile.spawnError !== undefined) {
    return judgement('toolchain_missing', `g++ could not be started: ${compile.spawnError}`);
  }
  if (compile.timedOut) {
    return judgement('timeout', humanEvalX ? 'timed out' : 'SyntaxError (g++ timed out)');
  }
  if (compile.exitCode !== 0 || run === undefined) {
    const message = compile.stderrTail || compile.stdoutTail;
    return judgement(
      'compile_error',
      humanEvalX ? oneLine('failed: compilation error: ', message) : 'SyntaxError',
    );
  }
  if (run.spawnError !== undefined) {
    return judgement('infra_error', `the compiled program could not be started: ${run.spawnError}`);
  }
  const output = run.stderrTail || withoutCompletionSentinel(run.stdoutTail);
  const failed = humanEvalX ? oneLine('failed: ', output) : 'Exception';
  switch (nativeEnding(run)) {
    case 'timeout':
      return judgement('timeout', humanEvalX ? 'timed out' : 'Timeout');
    case 'output_limit':
      return judgement('output_limit', failed);
    case 'completed':
      return judgement('passed', humanEvalX ? 'passed' : 'OK');
    case 'exited_early':
      return incomplete(humanEvalX ? 'passed' : 'OK');
    case 'assertion':
      return judgement('failed', failed);
    case 'out_of_memory':
      return judgement('memory_limit', failed);
    case 'crashed':
      return judgement('runtime_error', failed);
  }
}
