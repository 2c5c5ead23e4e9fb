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
    task_languages: { type: 'array', items: { type: 'string' } },
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
    language: { type: 'string' },
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
        code_source: { enum: ['submit', 'last_code', 'solution_file', 'none'] },
        turns: { type: 'integer', minimum: 0 },
        tool_calls: { type: 'integer', minimum: 0 },
        contained_tool_calls: { type: 'integer', minimum: 0 },
        denied_tool_calls: { type: 'integer', minimum: 0 },
        transcript: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type'],
            properties: {
              type: { enum: ['system', 'user', 'model', 'tool'] },
              denied: { type: 'array', items: { enum: ['network', 'filesystem'] } },
            },
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

/**
 * The key of one sample in a run: its problem's language, task id and sample index. A task id
 * alone is not unique in a multi-language run (MultiPL-E's `HumanEval_0_has_close_elements`
 * exists in every language), so records carry the language alongside the benchmark's task id.
 */
export function sampleKey(taskId: string, sampleIndex: number, language: string): string {
  // join builds one flat string; a template literal leaves a tree of concatenations, which a
  // run keeps twice per sample as map keys (16 MB of 100,000 samples).
  return [language, taskId, sampleIndex].join('\u0000');
}

/**
 * The language a `samples.jsonl` line belongs to: its `language` field, or for lines written
 * before samples carried one, the run's only language (`fallback`; '' when unknown).
 */
export function sampleLanguage(record: SampleRecord, fallback: string | undefined): string {
  return record.language ?? fallback ?? '';
}

/**
 * The only language of a run, from its manifest (`task_languages`, or the toolchains of runs
 * written before that field), or undefined when it has several or none.
 */
export function singleLanguage(
  manifest: Pick<RunManifest, 'task_languages' | 'toolchains'>,
): string | undefined {
  const languages = new Set(manifest.task_languages ?? Object.keys(manifest.toolchains ?? {}));
  return languages.size === 1 ? ([...languages][0] as string) : undefined;
}
