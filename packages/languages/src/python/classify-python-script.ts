import { type ExecutionResult, hasCompletionSentinel, type Verdict } from '@passk/core';
import { verdict } from './verdict.ts';

/**
 * The verdict for a `script` run (MultiPL-E's `python3 <file>`, run through the script
 * wrapper): MultiPL-E passes exit code 0; passk also requires the completion sentinel printed
 * at the end of the benchmark's `check` (`SCRIPT_TEST_EVIDENCE`), so `sys.exit(0)`, `exit()` or
 * `os._exit(0)` before the tests finish, an empty program or a `check` that never ran do not pass (MultiPL-E's `OK` is kept in `reference`). `detail`
 * uses MultiPL-E's status words.
 *
 * | what happened                          | MultiPL-E status | status              |
 * | -------------------------------------- | ---------------- | ------------------- |
 * | the interpreter could not be started   | (n/a)            | `toolchain_missing` |
 * | killed at the time limit               | `Timeout`        | `timeout`           |
 * | output limit exceeded                  | `Exception`      | `output_limit`      |
 * | exit code 0 and the sentinel           | `OK`             | `passed`            |
 * | exit code 0 without the sentinel       | `OK`             | `runtime_error` (reference: passed) |
 * | "SyntaxError" in stderr                | `SyntaxError`    | `compile_error`     |
 * | "AssertionError" in stderr             | `Exception`      | `failed`            |
 * | "MemoryError" in stderr                | `Exception`      | `memory_limit`      |
 * | any other non-zero exit or signal      | `Exception`      | `runtime_error`     |
 */
export function classifyPythonScript(result: ExecutionResult): Verdict {
  const run = result.steps.at(-1);
  if (run === undefined) return verdict('infra_error', 'no step ran');
  if (run.name !== 'run') {
    return verdict(
      'infra_error',
      `step '${run.name}' failed: ${run.stderrTail.trim().slice(0, 200)}`,
    );
  }
  if (run.spawnError !== undefined) {
    return verdict('toolchain_missing', `Python could not be started: ${run.spawnError}`);
  }
  if (run.timedOut) return verdict('timeout', 'Timeout');
  if (run.outputLimitExceeded) return verdict('output_limit', 'Exception (output limit exceeded)');
  if (run.exitCode === 0) {
    if (hasCompletionSentinel(run.stdoutTail)) return verdict('passed', 'OK');
    return {
      ...verdict(
        'runtime_error',
        "OK by MultiPL-E's rule, but the program ended before its tests completed (no completion sentinel)",
      ),
      reference: verdict('passed', 'OK'),
    };
  }
  if (run.stderrTail.includes('SyntaxError')) return verdict('compile_error', 'SyntaxError');
  if (run.stderrTail.includes('AssertionError')) return verdict('failed', 'Exception');
  if (run.stderrTail.includes('MemoryError')) return verdict('memory_limit', 'Exception');
  return verdict('runtime_error', 'Exception');
}
