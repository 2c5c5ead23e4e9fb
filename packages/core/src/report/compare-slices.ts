import type { PairedDifference, SliceComparison } from '../spec/comparison.ts';
import type { ProblemSlicing } from '../spec/run.ts';
import { SMALL_SLICE_PROBLEMS } from '../spec/run.ts';
import { type CompareOptions, comparePassAtK } from '../stats/compare-pass-at-k.ts';
import type { PairedProblemCounts } from '../stats/paired-units.ts';
import { sliceGroups } from '../stats/slices.ts';

/** A shared problem with what slices it: language and metadata. */
export interface SliceablePairedProblem extends PairedProblemCounts {
  readonly metadata?: ProblemSlicing | null;
}

/**
 * `comparePassAtK` on each slice of the shared problems: language (when there are several),
 * each tag, difficulty and month of date, in that order (languages in first-seen order, other
 * values sorted). Clusters are kept inside a slice. `p_adjusted` is each slice's own Holm
 * across k: callers adjust across the whole family (`compareRuns` does).
 *
 * @returns The slice comparisons (only k every problem of the slice allows).
 */
export function compareSlices(
  problems: readonly SliceablePairedProblem[],
  ks: readonly number[],
  options: CompareOptions,
): SliceComparison[] {
  const slices: SliceComparison[] = [];
  const facets = (problem: SliceablePairedProblem) => ({
    language: problem.language ?? '',
    metadata: problem.metadata ?? null,
  });
  for (const group of sliceGroups(problems, facets)) {
    const comparison = comparePassAtK(group.members, ks, options);
    const k: Record<string, PairedDifference> = { ...comparison.k };
    if (Object.keys(k).length === 0) continue;
    slices.push({
      kind: group.kind,
      value: group.value,
      shared_problems: group.members.length,
      small: group.members.length < SMALL_SLICE_PROBLEMS,
      k,
    });
  }
  return slices;
}
