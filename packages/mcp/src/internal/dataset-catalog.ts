import { access } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DataContext,
  type Dataset,
  type LoadedDataset,
  PasskError,
  type Problem,
  type Registry,
  UsageError,
} from '@passk/core';

/** A dataset of the registry with its problems, loaded once. */
export interface CatalogEntry {
  readonly dataset: Dataset;
  /** The loaded problems, or why they could not be loaded (data not present). */
  readonly loaded: LoadedDataset | { readonly error: string };
}

/** The registry's datasets as the MCP server sees them: loaded once, from local data only. */
export interface DatasetCatalog {
  /** Ids of the datasets that need no argument (`jsonl:<file>` is left out). */
  readonly ids: readonly string[];
  /** The entry of `id` (loading it); throws `UnknownIdError` for an unknown id. */
  entry(id: string): Promise<CatalogEntry>;
  /** The dataset plugin of `id` (not loaded); throws `UnknownIdError` for an unknown id. */
  dataset(id: string): Dataset;
  /** The entry of `id` if its load has finished, without waiting. */
  peek(id: string): CatalogEntry | undefined;
  /** Whether every data file of `dataset` is on this machine (existence only, no hashing). */
  dataPresent(dataset: Dataset): Promise<boolean>;
  /** The problems of `id`; throws `UsageError` when its data is not present. */
  problems(
    id: string,
  ): Promise<{ readonly dataset: Dataset; readonly problems: readonly Problem[] }>;
  /** The problem `taskId` (or at `index`) of `id`; throws `UsageError` naming known ids. */
  problem(id: string, taskId: string | number): Promise<{ dataset: Dataset; problem: Problem }>;
}

/**
 * A catalog over `registry` that loads data from `context` (downloads off: a tool call must
 * not wait for the network). Concurrent loads of one dataset share one promise.
 */
export function createDatasetCatalog(registry: Registry, context: DataContext): DatasetCatalog {
  const entries = new Map<string, Promise<CatalogEntry>>();
  const settled = new Map<string, CatalogEntry>();
  const ids = Object.entries(registry.input.datasets)
    .filter(([, entry]) => entry.argument === undefined)
    .map(([id]) => id);
  const entry = (id: string): Promise<CatalogEntry> => {
    const cached = entries.get(id);
    if (cached) return cached;
    if (!ids.includes(id)) registry.dataset(id); // throws UnknownIdError with the known ids
    const dataset = registry.dataset(id);
    const loading = dataset
      .load({ ...context, allowDownload: false })
      .then(
        (loaded): CatalogEntry => ({ dataset, loaded }),
        (error: unknown): CatalogEntry => {
          if (!PasskError.is(error)) throw error;
          return { dataset, loaded: { error: error.message } };
        },
      )
      .then((result) => {
        settled.set(id, result);
        return result;
      });
    entries.set(id, loading);
    return loading;
  };
  const problems = async (id: string) => {
    const { dataset, loaded } = await entry(id);
    if ('error' in loaded) {
      throw new UsageError({
        message: `the data of dataset '${id}' is not present (${loaded.error}); set PASSK_DATA_DIR or download it with 'passk run --dataset ${id}'`,
      });
    }
    return { dataset, problems: loaded.problems };
  };
  return {
    ids,
    entry,
    dataset: (id) => registry.dataset(id),
    peek: (id) => settled.get(id),
    async dataPresent(dataset) {
      const found = await Promise.all(
        dataset.files.map(async (file) => {
          for (const base of [context.dataDir, join(context.cacheDir, 'data')]) {
            if (base === undefined) continue;
            try {
              await access(join(base, file.path));
              return true;
            } catch {}
          }
          return false;
        }),
      );
      return found.every(Boolean);
    },
    problems,
    async problem(id, taskId) {
      const { dataset, problems: list } = await problems(id);
      const problem =
        typeof taskId === 'number' ? list[taskId] : list.find((item) => item.id === taskId);
      if (!problem) {
        throw new UsageError({
          message:
            typeof taskId === 'number'
              ? `dataset '${id}' has ${list.length} problems; index ${taskId} is out of range (0 to ${list.length - 1})`
              : `dataset '${id}' has no task '${taskId}'; task ids look like ${list
                  .slice(0, 3)
                  .map((item) => item.id)
                  .join(', ')}`,
        });
      }
      return { dataset, problem };
    },
  };
}
