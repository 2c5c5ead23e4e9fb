import type { StepResult } from '../spec/executor.ts';

/**
 * A step result for judge and orchestrator fixtures: a `run` step that exited 0 after 1 ms,
 * with no output and no report, and `fields` on top. `stdoutBytes` and `stderrBytes` default
 * to the UTF-8 lengths of the tails given.
 */
export function stepResult(fields: Partial<StepResult> = {}): StepResult {
  const stdoutTail = fields.stdoutTail ?? '';
  const stderrTail = fields.stderrTail ?? '';
  return {
    name: 'run',
    exitCode: 0,
    signal: null,
    timedOut: false,
    outputLimitExceeded: false,
    durationMs: 1,
    stdoutTail,
    stderrTail,
    stdoutBytes: Buffer.byteLength(stdoutTail),
    stderrBytes: Buffer.byteLength(stderrTail),
    report: null,
    ...fields,
  };
}
