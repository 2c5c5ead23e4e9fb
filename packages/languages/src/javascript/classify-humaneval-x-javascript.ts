import type { ExecutionResult, Verdict } from '@passk/core';
import { oneLine } from '../internal/one-line.ts';
import { incomplete, judgement } from '../internal/verdict.ts';
import { completedNormally } from './completion-report.ts';
import { NODE_OUT_OF_MEMORY } from './node-out-of-memory.ts';

/**
 * The verdict for a `humaneval-x` JavaScript run (CodeGeeX's rule: `node test.js` passes iff
 * both stdout and stderr are empty; the exit code is ignored, and the tests' `console.assert`
 * only prints "Assertion failed"). `detail` uses CodeGeeX's result strings.
 *
 * | what happened                                   | CodeGeeX says        | status              |
 * | ----------------------------------------------- | -------------------- | ------------------- |
 * | Node.js could not be started                    | (n/a)                | `toolchain_missing` |
 * | killed at the time limit                        | `timed out`          | `timeout`           |
 * | output limit exceeded                           | `failed: <output>`   | `output_limit`      |
 * | stderr has "Assertion failed"                   | `failed: <stderr>`   | `failed`            |
 * | stderr says memory ran out (`NODE_OUT_OF_MEMORY`) | `failed: <stderr>`   | `memory_limit`      |
 * | stderr has a SyntaxError                        | `failed: <stderr>`   | `compile_error`     |
 * | any other stderr                                | `failed: <stderr>`   | `runtime_error`     |
 * | only stdout (the program printed something)     | `failed: <stdout>`   | `failed`            |
 * | no output, ran to its end                       | `passed`             | `passed`            |
 * | no output, exited early (`process.exit(0)`)     | `passed`             | `runtime_error`, reference `passed` |
 */
export function classifyHumanEvalXJavaScript(result: ExecutionResult): Verdict {
  const run = result.steps.at(-1);
  if (run === undefined) return judgement('infra_error', 'no step ran');
  if (run.spawnError !== undefined) {
    return judgement('toolchain_missing', `Node.js could not be started: ${run.spawnError}`);
  }
  if (run.timedOut) return judgement('timeout', 'timed out');
  const output = run.stderrBytes > 0 ? run.stderrTail : run.stdoutTail;
  if (run.outputLimitExceeded) return judgement('output_limit', oneLine('failed: ', output));
  if (run.stderrBytes > 0) {
    const detail = oneLine('failed: ', run.stderrTail);
    if (run.stderrTail.includes('Assertion failed')) return judgement('failed', detail);
    if (NODE_OUT_OF_MEMORY.test(run.stderrTail)) return judgement('memory_limit', detail);
    if (/^SyntaxError/m.test(run.stderrTail)) return judgement('compile_error', detail);
    return judgement('runtime_error', detail);
  }
  if (run.stdoutBytes > 0) return judgement('failed', oneLine('failed: ', run.stdoutTail));
  if (!completedNormally(run)) return incomplete('passed');
  return judgement('passed', 'passed');
}
