import { resolve } from 'node:path';
import { type CompareRunsOptions, compareRuns, type RunComparison, readRun } from '@passk/core';

/** Settings of {@link compare}; every field has a default. */
export interface CompareOptions extends CompareRunsOptions {
  /** Directory the run paths are resolved from; default `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * Compares two runs on the problems both scored: what `passk compare` does. For each k both
 * runs report, the difference a − b of pass@k with a 95% paired bootstrap interval, a
 * two-sided p-value (exact McNemar with one sample per problem, otherwise a paired sign-flip
 * test), Holm's adjustment across the k, the minimum detectable difference at 80% power,
 * and the problems that flipped. Deterministic for a seed (default 0; 2,000 bootstrap
 * replicates and 10,000 sign flips by default).
 *
 * @param runA The first run's directory (differences are a − b).
 * @param runB The second run's directory.
 * @param options Seed, resamples, permutations, level, cluster key, cwd.
 * @returns The comparison, as `passk compare --json` prints it.
 * @throws RunStoreError when a path is not a run directory; UsageError when the runs are
 *   on different datasets (id, version or content hash) or share no scored problem;
 *   InvalidInputError for a corrupt run file.
 */
export async function compare(
  runA: string,
  runB: string,
  options: CompareOptions = {},
): Promise<RunComparison> {
  const cwd = options.cwd ?? process.cwd();
  const [a, b] = await Promise.all([readRun(resolve(cwd, runA)), readRun(resolve(cwd, runB))]);
  return compareRuns(a, b, options);
}
