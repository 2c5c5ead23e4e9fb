import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the Qwen2.5-Coder-1.5B base MultiPL-E outputs live in the shared data directory. */
export const QWEN_DIR = join(
  process.env.PASSK_DATA_DIR ?? '',
  'samples',
  'qwen2.5-coder-base',
  '1.5b-base',
  'multipl-e',
);

/** One Qwen sample: the generation (prompt + completion) and the verdict Qwen's harness gave it. */
export interface QwenSample {
  readonly taskId: string;
  readonly generation: string;
  /** The program Qwen's harness executed (`code` in the details file). */
  readonly executed: string;
  readonly passed: boolean;
  readonly result: string;
}

/** Reads `pred_<code>_output.jsonl.gz` and `humaneval-<code>-details.json.gz`, joined by task id. */
export function readQwenSamples(code: string): QwenSample[] {
  const gunzip = (file: string) => gunzipSync(readFileSync(join(QWEN_DIR, file))).toString('utf8');
  const details = JSON.parse(gunzip(`humaneval-${code}-details.json.gz`)) as Record<
    string,
    [number, { code: string; passed: boolean; result: string }][]
  >;
  return gunzip(`pred_${code}_output.jsonl.gz`)
    .trim()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as { task_id: string; generation: string };
      const detail = details[record.task_id]?.[0]?.[1];
      if (detail === undefined) throw new Error(`no verdict for ${record.task_id}`);
      return {
        taskId: record.task_id,
        generation: record.generation,
        executed: detail.code,
        passed: detail.passed,
        result: detail.result,
      };
    });
}

/** Published pass@1 (percent) of these samples (`multipl-e/results.json`). */
export function readQwenPublished(): Record<string, number> {
  return JSON.parse(readFileSync(join(QWEN_DIR, 'results.json'), 'utf8')) as Record<string, number>;
}
