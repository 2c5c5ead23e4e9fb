import type { ExecutionResult } from '@passk/core';

/**
 * The result of a job whose execution cannot be used (refused reply, failed or lost job): one
 * step with `infraError`, so the run records an infrastructure fault and retries it.
 */
export function refusedResult(reason: string): ExecutionResult {
  return {
    steps: [
      {
        name: 'queue',
        exitCode: null,
        signal: null,
        timedOut: false,
        outputLimitExceeded: false,
        durationMs: 0,
        stdoutTail: '',
        stderrTail: '',
        stdoutBytes: 0,
        stderrBytes: 0,
        report: null,
        infraError: reason,
      },
    ],
  };
}
