import type { PairedDifference } from '../spec/comparison.ts';
import type { Leaderboard, LeaderboardPair } from '../spec/report.ts';
import { holmAdjust } from '../stats/holm-adjust.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { type CompareRunsOptions, compareRuns } from './compare-runs.ts';
import { summaryOfRun } from './summary-of-run.ts';

/**
 * Ranks several runs on one dataset and compares every pair (`compareRuns`: paired bootstrap
 * interval of the difference, McNemar or sign-flip p-value on the shared problems). Each
 * pair's `p_adjusted` is Holm's adjustment across every pair and k of the leaderboard, so
 * the whole table keeps a family-wise error rate of 5%.
 *
 * @param runs Two runs or more (same dataset id, version and content hash).
 * @param options Settings of the comparisons (seed, resamples, permutations, clusters).
 * @returns The ranking (best first by pass@ the smallest k every run reports) and the pairs.
 * @throws UsageError when the runs are on different datasets or a pair shares no scored problem.
 */
export function buildLeaderboard(
  runs: readonly RunOnDisk[],
  options: CompareRunsOptions = {},
): Leaderboard {
  const summaries = runs.map((run) => summaryOfRun(run).summary);
  const ks = (runs[0]?.manifest.k ?? []).filter((k) =>
    summaries.every((summary) => summary.pass_at_k[String(k)] !== undefined),
  );
  const first = ks.length > 0 ? String(Math.min(...ks)) : undefined;
  const score = (index: number) =>
    first === undefined ? 0 : (summaries[index]?.pass_at_k[first]?.estimate ?? 0);
  const ranking = runs.map((_, index) => index).sort((x, y) => score(y) - score(x) || x - y);
  const compared: { a: number; b: number; comparison: ReturnType<typeof compareRuns> }[] = [];
  for (const [position, a] of ranking.entries()) {
    for (const b of ranking.slice(position + 1)) {
      compared.push({
        a,
        b,
        comparison: compareRuns(runs[a] as RunOnDisk, runs[b] as RunOnDisk, options),
      });
    }
  }
  const family = compared.flatMap(({ comparison }) => Object.values(comparison.k));
  const adjusted = holmAdjust(family.map((entry) => entry.p_value));
  let next = 0;
  const pairs = compared.map(({ a, b, comparison }): LeaderboardPair => {
    const k: Record<string, PairedDifference> = {};
    for (const [key, entry] of Object.entries(comparison.k)) {
      k[key] = { ...entry, p_adjusted: adjusted[next++] as number };
    }
    return {
      a,
      b,
      shared_problems: comparison.shared_problems,
      k,
      flipped: comparison.flipped.length,
    };
  });
  const method = compared[0]?.comparison.method;
  return {
    ks,
    ranking,
    pairs,
    method: method
      ? `paired comparison of every pair on its shared problems: ${method.interval} (${method.resamples} resamples, seed ${method.seed}); ${method.tests.n_is_1} when n = 1, else ${method.tests.otherwise} (${method.permutations} sign flips); Holm adjustment across the ${family.length} tests of the table`
      : 'one run: nothing to compare',
  };
}
