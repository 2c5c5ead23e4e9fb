import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl } from '../io/read-jsonl.ts';
import type { SampleRecord } from '../spec/run.ts';
import {
  RUN_FILES,
  sampleKey,
  sampleLanguage,
  singleLanguage,
  validateSampleRecord,
} from './run-files.ts';
import { readManifest } from './run-store.ts';

/**
 * The latest sample record per (task, index) of the run in `directory`, read-only (no lock,
 * nothing written); empty when there is no run there. For planning (`--dry-run`,
 * `--max-cost`) before a run is opened. Throws `InvalidInputError` for a corrupt line.
 */
export async function readRunSamples(directory: string): Promise<Map<string, SampleRecord>> {
  const path = join(directory, RUN_FILES.samples);
  const samples = new Map<string, SampleRecord>();
  if (!existsSync(path)) return samples;
  const manifestPath = join(directory, RUN_FILES.manifest);
  const fallback = existsSync(manifestPath)
    ? singleLanguage(await readManifest(manifestPath))
    : undefined;
  for (const { line, value } of await readJsonl(path, { tolerateTornTail: true })) {
    const record = validateSampleRecord(value, { file: path, line });
    samples.set(
      sampleKey(record.task_id, record.sample_index, sampleLanguage(record, fallback)),
      record,
    );
  }
  return samples;
}
