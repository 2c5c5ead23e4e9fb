import type { ResultRecord } from '../../packages/core/src/spec/run.ts';

/**
 * A result record for a test: `passed` gives the status (`passed` or `failed`) unless `status`
 * is given; the execution fields not given are those of a quick, uncached run with no output.
 */
export function resultRecord(
  fields: Pick<ResultRecord, 'task_id' | 'sample_index' | 'language' | 'passed'> &
    Partial<ResultRecord>,
): ResultRecord {
  return {
    status: fields.passed ? 'passed' : 'failed',
    detail: '',
    duration_ms: 1,
    exit_code: 0,
    stdout_tail: '',
    stderr_tail: '',
    execution_key: 'k',
    cached: false,
    ...fields,
  };
}
