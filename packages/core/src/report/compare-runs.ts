import { UsageError } from '../errors/usage-error.ts';
import {
  COMPARISON_FORMAT_VERSION,
  type ComparedRun,
  type PairedDifference,
  type RunComparison,
} from '../spec/comparison.ts';
import { INFRASTRUCTURE_STATUSES } from '../spec/verdict.ts';
import { type CompareOptions, comparePassAtK } from '../stats/compare-pass-at-k.ts';
import { holmAdjust } from '../stats/holm-adjust.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { HUMANEVAL_CLUSTER_KEY, humanEvalClusterKey } from './cluster-key.ts';
import { compareSlices, type SliceablePairedProblem } from './compare-slices.ts';

/** Settings of `compareRuns`: those of `comparePassAtK`, plus optional clusters. */
export interface CompareRunsOptions extends CompareOptions {
  /**
   * The cluster key of a task (problems with one key are resampled and flipped together, e.g.
   * the HumanEval problem behind each language's task); undefined: no cluster. Default: in runs
   * of several languages `humanEvalClusterKey`, otherwise none.
   */
  readonly clusterOf?: (taskId: string, language: string) => string | undefined;
  /** Compare each slice too (language, tag, difficulty, month); default true. */
  readonly slices?: boolean;
}

/**
 * Compares two runs read from disk on the problems both scored (`comparePassAtK`), for each
 * k both manifests request, and on each slice of them (`compareSlices`: language in runs of
 * several languages, tag, difficulty, month of date from the manifest's `task_metadata`). A
 * problem is a (task id, language) pair; it counts as scored in a run when at least one of
 * its samples has a verdict that is not an infrastructure fault; the counts are those
 * verdicts, as `summary.json` counts them. In runs of several languages the languages of one
 * HumanEval problem form a cluster (`humanEvalClusterKey`) unless `clusterOf` says otherwise.
 * `p_adjusted` is Holm's adjustment across every p-value shown: each k, overall and per slice.
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
  const tasks = a.manifest.task_ids.map((taskId, index) => ({
    taskId,
    language: a.manifest.task_languages?.[index] ?? languageOf(a, taskId),
    metadata: a.manifest.task_metadata?.[index] ?? null,
  }));
  const multiLanguage = new Set(tasks.map((task) => task.language)).size > 1;
  const clusterOf =
    options.clusterOf ??
    (multiLanguage ? (taskId: string) => humanEvalClusterKey(taskId) : undefined);
  const shared: SliceablePairedProblem[] = [];
  for (const { taskId, language, metadata } of tasks) {
    const countA = countsA.get(problemKey(taskId, language));
    const countB = countsB.get(problemKey(taskId, language));
    if (!countA || !countB) continue;
    const cluster = clusterOf?.(taskId, language);
    shared.push({
      taskId,
      ...(multiLanguage ? { language } : {}),
      a: countA,
      b: countB,
      ...(cluster === undefined ? {} : { cluster }),
      metadata,
    });
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
  const slices =
    options.slices === false
      ? []
      : compareSlices(
          shared.map((problem) => ({
            ...problem,
            language: problem.language ?? tasks[0]?.language ?? '',
          })),
          Object.keys(comparison.k).map(Number),
          options,
        );
  const family = [comparison.k, ...slices.map((slice) => slice.k)];
  const adjusted = holmAdjust(
    family.flatMap((entries) => Object.values(entries).map((entry) => entry.p_value)),
  );
  let next = 0;
  const readjust = (entries: Readonly<Record<string, PairedDifference>>) =>
    Object.fromEntries(
      Object.entries(entries).map(([k, entry]) => [
        k,
        { ...entry, p_adjusted: adjusted[next++] as number },
      ]),
    );
  const overall = readjust(comparison.k);
  const adjustedSlices = slices.map((slice) => ({ ...slice, k: readjust(slice.k) }));
  const tests = family.reduce((total, entries) => total + Object.keys(entries).length, 0);
  return {
    format_version: COMPARISON_FORMAT_VERSION,
    a: describe(a),
    b: describe(b),
    shared_problems: shared.length,
    not_shared: { only_a: countsA.size - shared.length, only_b: countsB.size - shared.length },
    k: overall,
    excluded_k: [
      ...onlyOne.map((k) => ({ k, reason: `pass@${k} is requested by one run only` })),
      ...comparison.excluded,
    ],
    flipped: comparison.flipped,
    ...(adjustedSlices.length > 0 ? { slices: adjustedSlices } : {}),
    method: {
      ...comparison.method,
      adjusted_across: `${tests} tests: pass@k for each k shown on all shared problems${adjustedSlices.length > 0 ? ` and on ${adjustedSlices.length} slices` : ''}`,
      ...(comparison.method.clusters !== null
        ? {
            cluster_key:
              options.clusterOf === undefined
                ? HUMANEVAL_CLUSTER_KEY
                : 'given by the caller (clusterOf)',
          }
        : {}),
    },
  };
}

/** The key of a problem of a run: its task id and language. */
function problemKey(taskId: string, language: string): string {
  return `${language}\u0000${taskId}`;
}

/** A task's language from the run's results (runs whose manifest has no `task_languages`). */
function languageOf(run: RunOnDisk, taskId: string): string {
  return run.results.find((result) => result.task_id === taskId)?.language ?? '';
}

/** Scored (n) and passing (c) samples per problem (`problemKey`), for problems with n >= 1. */
function scoredCounts(run: RunOnDisk): Map<string, { n: number; c: number }> {
  const counts = new Map<string, { n: number; c: number }>();
  for (const result of run.results) {
    if (INFRASTRUCTURE_STATUSES.has(result.status)) continue;
    const key = problemKey(result.task_id, result.language);
    const count = counts.get(key) ?? { n: 0, c: 0 };
    count.n++;
    if (result.passed) count.c++;
    counts.set(key, count);
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
