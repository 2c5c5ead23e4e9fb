import type { StepResult, Verdict } from '@passk/core';
import { incomplete, judgement } from '../internal/verdict.ts';
import { completedNormally } from './completion-report.ts';
import { NODE_OUT_OF_MEMORY } from './node-out-of-memory.ts';

/**
 * The verdict for the `node <file>` run of a MultiPL-E JavaScript or TypeScript program
 * (`eval_javascript.py` / `eval_ts.py`): a pass is exit code 0; `detail` is MultiPL-E's status.
 *
 * | what happened                              | MultiPL-E status  | status              |
 * | ------------------------------------------ | ----------------- | ------------------- |
 * | killed at the time limit                   | `Timeout`         | `timeout`           |
 * | output limit exceeded                      | `Exception`       | `output_limit`      |
 * | exit 0, ran to its end                     | `OK`              | `passed`            |
 * | exit 0, exited early (`process.exit(0)`)   | `OK`              | `runtime_error`, reference `passed` |
 * | "ERR_ASSERTION" in stderr                  | `AssertionError`  | `failed`            |
 * | "SyntaxError" in stderr                    | `SyntaxError`     | `compile_error`     |
 * | "ReferenceError" in stderr                 | `ReferenceError`  | `runtime_error`     |
 * | out of memory (`NODE_OUT_OF_MEMORY`)       | `Exception`       | `memory_limit`      |
 * | any other non-zero exit or signal          | `Exception`       | `runtime_error`     |
 */
export function classifyMultiplENodeRun(run: StepResult): Verdict {
  if (run.timedOut) return judgement('timeout', 'Timeout');
  if (run.outputLimitExceeded) return judgement('output_limit', 'Exception');
  if (run.exitCode === 0)
    return completedNormally(run) ? judgement('passed', 'OK') : incomplete('OK');
  const stderr = run.stderrTail;
  if (stderr.includes('ERR_ASSERTION')) return judgement('failed', 'AssertionError');
  if (stderr.includes('SyntaxError')) return judgement('compile_error', 'SyntaxError');
  if (stderr.includes('ReferenceError')) return judgement('runtime_error', 'ReferenceError');
  if (NODE_OUT_OF_MEMORY.test(stderr)) return judgement('memory_limit', 'Exception');
  return judgement('runtime_error', 'Exception');
}
