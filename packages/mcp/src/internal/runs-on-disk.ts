import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILES, type RunSummary } from '@passk/core';

/** A run directory under the runs directory, as found on disk. */
export interface RunOnDisk {
  readonly runId: string;
  readonly directory: string;
  /** `summary.json`, present once the run completed. */
  readonly summary?: RunSummary;
}

/** A run id is one directory name: letters, digits, `.`, `_`, `-` (no path separators). */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** The run `runId` under `runsDirectory`, or undefined when it has no `manifest.json`. */
export async function readRunOnDisk(
  runsDirectory: string,
  runId: string,
): Promise<RunOnDisk | undefined> {
  if (!RUN_ID_PATTERN.test(runId)) return undefined;
  const directory = join(runsDirectory, runId);
  try {
    await readFile(join(directory, RUN_FILES.manifest));
  } catch {
    return undefined;
  }
  try {
    const summary = JSON.parse(
      await readFile(join(directory, RUN_FILES.summary), 'utf8'),
    ) as RunSummary;
    return { runId, directory, summary };
  } catch {
    return { runId, directory };
  }
}

/** Every run directory under `runsDirectory` (none when it does not exist). */
export async function listRunsOnDisk(runsDirectory: string): Promise<RunOnDisk[]> {
  let names: string[];
  try {
    names = (await readdir(runsDirectory, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
  const runs = await Promise.all(names.map((name) => readRunOnDisk(runsDirectory, name)));
  return runs.filter((run): run is RunOnDisk => run !== undefined);
}
