import { hashJson } from '../io/hash.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { Language } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { Provider } from '../spec/provider.ts';

/**
 * A dataset given by its problems: what a run uses, nothing more. `defineDataset` fills in
 * the rest (`load` returns the problems, hashed for the manifest; no data files).
 */
export interface InlineDatasetDefinition {
  /** Id of the dataset (the first part of default run directory names). */
  readonly id: string;
  /** The problems, in order (their `datasetId` is set to `id` when missing). */
  readonly problems: readonly (Omit<Problem, 'datasetId'> & { readonly datasetId?: string })[];
  /** The program that tests a candidate against a problem. */
  readonly buildProgram: Dataset['buildProgram'];
  /** One line describing the benchmark. Default: the id. */
  readonly description?: string;
  /** Version of the problems. Default: the first 12 hex digits of their hash. */
  readonly version?: string;
}

/**
 * Types a dataset plugin: a complete `Dataset` is returned as is; an
 * {@link InlineDatasetDefinition} becomes a `Dataset` whose `load` returns its problems.
 */
export function defineDataset<T extends Dataset>(dataset: T): T;
export function defineDataset(definition: InlineDatasetDefinition): Dataset;
export function defineDataset(definition: Dataset | InlineDatasetDefinition): Dataset {
  if ('load' in definition) return definition;
  const problems: Problem[] = definition.problems.map((problem) => ({
    ...problem,
    datasetId: problem.datasetId ?? definition.id,
  }));
  const contentHash = hashJson(problems);
  return {
    id: definition.id,
    version: definition.version ?? contentHash.slice(0, 12),
    description: definition.description ?? definition.id,
    languages: [...new Set(problems.map((problem) => problem.language))],
    files: [],
    load: async () => ({ problems, contentHash }),
    buildProgram: definition.buildProgram,
  };
}

/** Identity helper that types a language plugin. */
export function defineLanguage<T extends Language>(language: T): T {
  return language;
}

/** Identity helper that types a provider plugin. */
export function defineProvider<T extends Provider>(provider: T): T {
  return provider;
}
