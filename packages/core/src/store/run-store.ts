import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunStoreError } from '../errors/run-store-error.ts';
import { type JsonlWriter, openJsonlWriter } from '../io/jsonl-writer.ts';
import { readJsonl } from '../io/read-jsonl.ts';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { ExecutorWorker } from '../spec/executor.ts';
import type { ResultRecord, RunManifest, RunSummary, SampleRecord } from '../spec/run.ts';
import {
  RUN_FILES,
  sampleKey,
  sampleLanguage,
  singleLanguage,
  validateManifest,
  validateResultRecord,
  validateSampleRecord,
} from './run-files.ts';
import { runIdentityDifferences } from './run-identity.ts';
import { acquireRunLock } from './run-lock.ts';

/** An open run directory: what is already there, and durable appends. */
export interface RunStore {
  readonly directory: string;
  readonly manifest: RunManifest;
  /** Latest sample record per `sampleKey` (task id, sample index, language). */
  readonly samples: ReadonlyMap<string, SampleRecord>;
  /** Latest result record per `sampleKey`. */
  readonly results: ReadonlyMap<string, ResultRecord>;
  /** Appends a line to `samples.jsonl` (one write; survives a kill). */
  appendSample(record: SampleRecord): void;
  /** Appends a line to `results.jsonl`. */
  appendResult(record: ResultRecord): void;
  /** Writes `summary.json` atomically. */
  writeSummary(summary: RunSummary): Promise<void>;
  /**
   * Records the workers of a distributed executor in `manifest.json` (atomic rewrite): merged
   * by id with those of earlier sessions, their job counts added.
   */
  recordWorkers(workers: readonly ExecutorWorker[]): Promise<void>;
  /** Flushes, closes files and releases the lock. */
  close(): void;
}

/**
 * Opens (creating or resuming) the run in `directory` for `manifest`. When the directory
 * already holds a run, its identity (`runIdentity`: dataset and its hash, provider, sampling,
 * prompt, seed, timeout factor, input file, verdict rule) must equal the new one; `n`, `k` and the task list may change (top-up).
 * Throws `RunStoreError` for an incompatible or unreadable run, `InvalidInputError` for a
 * corrupt line (a torn last line is tolerated and removed).
 */
export async function openRunStore(directory: string, manifest: RunManifest): Promise<RunStore> {
  await mkdir(directory, { recursive: true });
  const paths = {
    manifest: join(directory, RUN_FILES.manifest),
    samples: join(directory, RUN_FILES.samples),
    results: join(directory, RUN_FILES.results),
    summary: join(directory, RUN_FILES.summary),
  };
  const release = acquireRunLock(directory, join(directory, RUN_FILES.lock));
  try {
    let effective = manifest;
    if (existsSync(paths.manifest)) {
      const previous = await readManifest(paths.manifest);
      const differences = runIdentityDifferences(previous, manifest);
      const before = previous.agent?.command;
      const after = manifest.agent?.command;
      if (before && after && before.sha256 !== after.sha256) {
        throw new RunStoreError({
          directory,
          message: `${directory} holds a run of another agent program: --model command:${after.path} changed since (sha256 ${before.sha256.slice(0, 12)}… vs ${after.sha256.slice(0, 12)}…); restore the program, choose another --out or remove it`,
        });
      }
      if (differences.length > 0) {
        throw new RunStoreError({
          directory,
          message: `${directory} holds a run with a different configuration (${differences.join('; ')}); choose another --out or remove it`,
        });
      }
      effective = {
        ...manifest,
        run_id: previous.run_id,
        created_at: previous.created_at,
        executor: {
          ...manifest.executor,
          ...(previous.executor.workers ? { workers: previous.executor.workers } : {}),
        },
      };
    }
    await writeFileAtomic(paths.manifest, `${JSON.stringify(effective, null, 2)}\n`);
    const fallback = singleLanguage(effective);
    const samples = await readRecords(paths.samples, validateSampleRecord, (record) =>
      sampleLanguage(record, fallback),
    );
    const results = await readRecords(
      paths.results,
      validateResultRecord,
      (record) => record.language,
    );
    const sampleWriter: JsonlWriter = openJsonlWriter(paths.samples);
    const resultWriter: JsonlWriter = openJsonlWriter(paths.results);
    let current = effective;
    return {
      directory,
      get manifest() {
        return current;
      },
      samples,
      results,
      appendSample(record) {
        sampleWriter.append(record);
        samples.set(
          sampleKey(record.task_id, record.sample_index, sampleLanguage(record, fallback)),
          record,
        );
      },
      appendResult(record) {
        resultWriter.append(record);
        results.set(sampleKey(record.task_id, record.sample_index, record.language), record);
      },
      writeSummary: (summary) =>
        writeFileAtomic(paths.summary, `${JSON.stringify(summary, null, 2)}\n`),
      async recordWorkers(workers) {
        if (workers.length === 0) return;
        const merged = new Map((current.executor.workers ?? []).map((known) => [known.id, known]));
        for (const worker of workers) {
          const earlier = merged.get(worker.id);
          merged.set(worker.id, earlier ? { ...worker, jobs: earlier.jobs + worker.jobs } : worker);
        }
        current = { ...current, executor: { ...current.executor, workers: [...merged.values()] } };
        await writeFileAtomic(paths.manifest, `${JSON.stringify(current, null, 2)}\n`);
      },
      close() {
        sampleWriter.close();
        resultWriter.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Reads and validates a run's `manifest.json`. Throws `RunStoreError` or `InvalidInputError`. */
export async function readManifest(path: string): Promise<RunManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new RunStoreError({
      directory: path,
      message: `cannot read ${path} (${(cause as Error).message})`,
      cause,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RunStoreError({ directory: path, message: `${path}: not valid JSON`, cause });
  }
  return validateManifest(value, { file: path });
}

async function readRecords<T extends { task_id: string; sample_index: number }>(
  path: string,
  validate: (value: unknown, location: { file: string; line: number }) => T,
  languageOf: (record: T) => string,
): Promise<Map<string, T>> {
  const records = new Map<string, T>();
  if (!existsSync(path)) return records;
  for (const { line, value } of await readJsonl(path, { tolerateTornTail: true })) {
    const record = validate(value, { file: path, line });
    records.set(sampleKey(record.task_id, record.sample_index, languageOf(record)), record);
  }
  return records;
}
