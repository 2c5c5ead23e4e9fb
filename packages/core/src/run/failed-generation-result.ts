import type { Problem } from '../spec/problem.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';

/**
 * The result line of a sample whose generation failed: `infra_error`, never a model
 * failure, with the error class and message in `detail`. Resuming the run regenerates it.
 */
export function failedGenerationResult(problem: Problem, sample: SampleRecord): ResultRecord {
  const error = sample.error;
  return {
    task_id: problem.id,
    sample_index: sample.sample_index,
    language: problem.language,
    status: 'infra_error',
    passed: false,
    detail: `generation failed (${error?.class ?? 'unknown'}): ${error?.message ?? ''}`,
    duration_ms: 0,
    exit_code: null,
    stdout_tail: '',
    stderr_tail: '',
    execution_key: '',
    cached: false,
  };
}
