import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunStoreError } from '../errors/run-store-error.ts';
import { readJsonl } from '../io/read-jsonl.ts';
import type { ResultRecord, RunManifest, RunSummary } from '../spec/run.ts';
import { RUN_FILES, sampleKey, validateResultRecord } from './run-files.ts';
import { readManifest } from './run-store.ts';

/** A finished or partial run read back from disk (read-only). */
export interface RunOnDisk {
  readonly directory: string;
  readonly manifest: RunManifest;
  readonly results: readonly ResultRecord[];
  readonly summary?: RunSummary;
}

/**
 * Reads a run directory for reporting. Throws `RunStoreError` when it is not a run directory,
 * `InvalidInputError` for a corrupt line.
 */
export async function readRun(directory: string): Promise<RunOnDisk> {
  const manifestPath = join(directory, RUN_FILES.manifest);
  if (!existsSync(manifestPath)) {
    throw new RunStoreError({
      directory,
      message: `${directory} is not a passk run directory (no ${RUN_FILES.manifest})`,
    });
  }
  const manifest = await readManifest(manifestPath);
  const resultsPath = join(directory, RUN_FILES.results);
  const latest = new Map<string, ResultRecord>();
  if (existsSync(resultsPath)) {
    for (const { line, value } of await readJsonl(resultsPath, { tolerateTornTail: true })) {
      const record = validateResultRecord(value, { file: resultsPath, line });
      latest.set(sampleKey(record.task_id, record.sample_index, record.language), record);
    }
  }
  const summaryPath = join(directory, RUN_FILES.summary);
  const summary = existsSync(summaryPath)
    ? (JSON.parse(await readFile(summaryPath, 'utf8')) as RunSummary)
    : undefined;
  return { directory, manifest, results: [...latest.values()], summary };
}
