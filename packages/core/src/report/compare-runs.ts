import { UsageError } from '../errors/usage-error.ts';
import {
  COMPARISON_FORMAT_VERSION,
  type ComparedRun,
  type RunComparison,
} from '../spec/comparison.ts';
import { INFRASTRUCTURE_STATUSES } from '../spec/verdict.ts';
import { type CompareOptions, comparePassAtK } from '../stats/compare-pass-at-k.ts';
import type { PairedProblemCounts } from '../stats/paired-units.ts';
import type { RunOnDisk } from '../store/read-run.ts';

/** Settings of `compareRuns`: those of `comparePassAtK`, plus optional clusters. */
export interface CompareRunsOptions extends CompareOptions {
  /**
   * The cluster key of a task id (problems with one key are resampled and flipped together,
   * e.g. the HumanEval problem behind each language's task); absent or undefined: none.
   */
  readonly clusterOf?: (taskId: string) => string | undefined;
}

/**
 * Compares two runs read from disk on the problems both scored (`comparePassAtK`), for each
 * k both manifests request. A problem counts as scored in a run when at least one of its
 * samples has a verdict that is not an infrastructure fault; the counts are those verdicts,
 * as `summary.json` counts them.
 *
 * @param a The first run (differences are a − b).
 * @param b The second run.
 * @param options Bootstrap, permutation and cluster settings.
 * @returns The comparison, with how many problems were not shared.
 * @throws UsageError when the runs' datasets differ (id, version or content hash), when
 *   they share no scored problem, or for invalid options.
 */
export function compareRuns(
  a: RunOnDisk,
  b: RunOnDisk,
  options: CompareRunsOptions = {},
): RunComparison {
  const datasetA = a.manifest.dataset;
  const datasetB = b.manifest.dataset;
  for (const field of ['id', 'version', 'content_hash'] as const) {
    if (datasetA[field] !== datasetB[field]) {
      throw new UsageError({
        message: `the runs are on different datasets: ${a.directory} has ${field} ${datasetA[field]}, ${b.directory} has ${datasetB[field]}; only runs on the same problems (same dataset content hash) can be compared`,
      });
    }
  }
  const countsA = scoredCounts(a);
  const countsB = scoredCounts(b);
  const shared: PairedProblemCounts[] = [];
  for (const taskId of a.manifest.task_ids) {
    const countA = countsA.get(taskId);
    const countB = countsB.get(taskId);
    if (!countA || !countB) continue;
    const cluster = options.clusterOf?.(taskId);
    shared.push({ taskId, a: countA, b: countB, ...(cluster === undefined ? {} : { cluster }) });
  }
  if (shared.length === 0) {
    throw new UsageError({
      message: `${a.directory} and ${b.directory} share no scored problem (${countsA.size} and ${countsB.size} scored)`,
    });
  }
  const ks = a.manifest.k.filter((k) => b.manifest.k.includes(k));
  const onlyOne = [
    ...a.manifest.k.filter((k) => !ks.includes(k)),
    ...b.manifest.k.filter((k) => !a.manifest.k.includes(k)),
  ];
  const comparison = comparePassAtK(shared, ks, options);
  return {
    format_version: COMPARISON_FORMAT_VERSION,
    a: describe(a),
    b: describe(b),
    shared_problems: shared.length,
    not_shared: { only_a: countsA.size - shared.length, only_b: countsB.size - shared.length },
    k: comparison.k,
    excluded_k: [
      ...onlyOne.map((k) => ({ k, reason: `pass@${k} is requested by one run only` })),
      ...comparison.excluded,
    ],
    flipped: comparison.flipped,
    method: comparison.method,
  };
}

/** Scored (n) and passing (c) samples per task id, for tasks with n >= 1. */
function scoredCounts(run: RunOnDisk): Map<string, { n: number; c: number }> {
  const counts = new Map<string, { n: number; c: number }>();
  for (const result of run.results) {
    if (INFRASTRUCTURE_STATUSES.has(result.status)) continue;
    const count = counts.get(result.task_id) ?? { n: 0, c: 0 };
    count.n++;
    if (result.passed) count.c++;
    counts.set(result.task_id, count);
  }
  return counts;
}

function describe(run: RunOnDisk): ComparedRun {
  return {
    directory: run.directory,
    dataset: run.manifest.dataset.id,
    model: run.manifest.provider.model,
    n: run.manifest.n,
  };
}
