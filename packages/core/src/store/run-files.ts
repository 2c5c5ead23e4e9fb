import type { ResultRecord, RunManifest, SampleRecord } from '../spec/run.ts';
import { VERDICT_STATUSES } from '../spec/verdict.ts';
import { createValidator } from '../validation/create-validator.ts';

/** Names of the files in a run directory. */
export const RUN_FILES = {
  manifest: 'manifest.json',
  samples: 'samples.jsonl',
  results: 'results.jsonl',
  summary: 'summary.json',
  lock: 'run.lock',
} as const;

/** Validates a `manifest.json` read back from disk. */
export const validateManifest = createValidator<RunManifest>({
  type: 'object',
  required: [
    'format_version',
    'run_id',
    'mode',
    'dataset',
    'provider',
    'sampling',
    'n',
    'k',
    'task_ids',
    'executor',
    'seed',
  ],
  properties: {
    format_version: { type: 'integer', const: 1 },
    run_id: { type: 'string' },
    mode: { enum: ['run', 'evaluate'] },
    dataset: {
      type: 'object',
      required: ['id', 'version', 'content_hash'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        content_hash: { type: 'string' },
      },
    },
    provider: {
      type: 'object',
      required: ['id', 'model'],
      properties: { id: { type: 'string' }, model: { type: 'string' } },
    },
    sampling: { type: 'object' },
    n: { type: 'integer', minimum: 1 },
    k: { type: 'array', items: { type: 'integer', minimum: 1 } },
    task_ids: { type: 'array', items: { type: 'string' } },
    executor: { type: 'object' },
    seed: { type: 'integer' },
  },
});

/** Validates one line of `samples.jsonl`. */
export const validateSampleRecord = createValidator<SampleRecord>({
  type: 'object',
  required: ['task_id', 'sample_index', 'raw', 'completion', 'kind', 'finish_reason', 'latency_ms'],
  properties: {
    task_id: { type: 'string' },
    sample_index: { type: 'integer', minimum: 0 },
    raw: { type: 'string' },
    completion: { type: 'string' },
    kind: { enum: ['completion', 'solution'] },
    finish_reason: { type: 'string' },
    latency_ms: { type: 'number' },
    error: {
      type: 'object',
      required: ['class', 'message', 'retryable'],
      properties: {
        class: { type: 'string' },
        message: { type: 'string' },
        retryable: { type: 'boolean' },
      },
    },
    agent: {
      type: 'object',
      required: ['end_reason', 'code_source', 'turns', 'tool_calls', 'transcript'],
      properties: {
        end_reason: { type: 'string' },
        code_source: { enum: ['submit', 'last_code', 'none'] },
        turns: { type: 'integer', minimum: 0 },
        tool_calls: { type: 'integer', minimum: 0 },
        transcript: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: ['system', 'user', 'model', 'tool'] } },
          },
        },
      },
    },
  },
});

/** Validates one line of `results.jsonl`. */
export const validateResultRecord = createValidator<ResultRecord>({
  type: 'object',
  required: [
    'task_id',
    'sample_index',
    'language',
    'status',
    'passed',
    'detail',
    'duration_ms',
    'execution_key',
  ],
  properties: {
    task_id: { type: 'string' },
    sample_index: { type: 'integer', minimum: 0 },
    language: { type: 'string' },
    status: { enum: [...VERDICT_STATUSES] },
    passed: { type: 'boolean' },
    detail: { type: 'string' },
    duration_ms: { type: 'number' },
    execution_key: { type: 'string' },
    subsets: { type: 'object', additionalProperties: { type: 'boolean' } },
  },
});

/** The key of one sample in a run: task id and sample index. */
export function sampleKey(taskId: string, sampleIndex: number): string {
  return `${taskId}\u0000${sampleIndex}`;
}
