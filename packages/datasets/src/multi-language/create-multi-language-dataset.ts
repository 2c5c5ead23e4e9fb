import { type Dataset, defineDataset, type Problem, sha256, UsageError } from '@passk/core';
import type { SelftestControls } from '../selftest-controls.ts';

/** Options of {@link createMultiLanguageDataset}. */
export interface MultiLanguageDatasetOptions {
  /** Id of the whole (`multipl-e`, `humaneval-x`). */
  readonly id: string;
  readonly version: string;
  readonly description: string;
  /** One single-language dataset per language, in the order problems are listed. */
  readonly parts: readonly (Dataset & Partial<SelftestControls>)[];
}

/**
 * One benchmark over several languages (a MultiPL-E or HumanEval-X run of many languages is
 * one run with one summary): problems are those of every part, part after part; each problem
 * keeps its part's dataset id (`multipl-e/lua`) and its benchmark task id, so `(task id,
 * language)` identifies it (MultiPL-E's ids repeat across languages). Programs are built by
 * the problem's part. The content hash covers each part's id and hash, so runs over different
 * sets of languages are different datasets.
 *
 * @throws UsageError (from `load`) when there are no parts.
 */
export function createMultiLanguageDataset(
  options: MultiLanguageDatasetOptions,
): Dataset & Partial<SelftestControls> {
  const parts = new Map(options.parts.map((part) => [part.id, part]));
  const partOf = (datasetId: string) => {
    const part = parts.get(datasetId);
    if (!part) {
      throw new UsageError({
        message: `${options.id}: problem of unknown part ${datasetId} (parts: ${[...parts.keys()].join(', ')})`,
      });
    }
    return part;
  };
  const controlled = options.parts.every((part) => typeof part.selftestControls === 'function');
  return defineDataset({
    id: options.id,
    version: options.version,
    description: options.description,
    languages: [...new Set(options.parts.flatMap((part) => part.languages))],
    files: options.parts.flatMap((part) => part.files),
    async load(context) {
      if (options.parts.length === 0) {
        throw new UsageError({ message: `${options.id}: no languages selected` });
      }
      const loaded = await Promise.all(options.parts.map((part) => part.load(context)));
      return {
        problems: loaded.flatMap((entry) => entry.problems),
        contentHash: sha256(
          options.parts.map((part, i) => `${part.id} ${loaded[i]?.contentHash}\n`).join(''),
        ),
      };
    },
    buildProgram: (problem, candidate) =>
      partOf(problem.datasetId).buildProgram(problem, candidate),
    // Must-fail controls only when every part has them (a part without is checked with an
    // empty completion by `passk selftest`, which needs the method absent to know).
    ...(controlled
      ? {
          selftestControls: (problem: Problem) =>
            partOf(problem.datasetId).selftestControls?.(problem) ?? [],
        }
      : {}),
    // Visible tests of each problem from its own part (undefined where the part has none).
    ...(options.parts.some((part) => typeof part.visibleTests === 'function')
      ? {
          visibleTests: (problem: Problem) => partOf(problem.datasetId).visibleTests?.(problem),
        }
      : {}),
  });
}
