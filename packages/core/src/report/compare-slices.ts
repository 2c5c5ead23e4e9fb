import type { PairedDifference, SliceComparison } from '../spec/comparison.ts';
import type { ProblemSlicing } from '../spec/run.ts';
import { SMALL_SLICE_PROBLEMS } from '../spec/run.ts';
import { type CompareOptions, comparePassAtK } from '../stats/compare-pass-at-k.ts';
import type { PairedProblemCounts } from '../stats/paired-units.ts';
import { SLICE_KINDS, sliceValues } from '../stats/slices.ts';

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
  const groups = new Map<
    string,
    { kind: SliceComparison['kind']; value: string; members: SliceablePairedProblem[] }
  >();
  for (const problem of problems) {
    for (const { kind, value } of sliceValues({
      language: problem.language ?? '',
      metadata: problem.metadata ?? null,
    })) {
      const id = `${kind}\u0000${value}`;
      const group = groups.get(id) ?? { kind, value, members: [] };
      group.members.push(problem);
      groups.set(id, group);
    }
  }
  const languages = new Set(problems.map((problem) => problem.language ?? ''));
  const slices: SliceComparison[] = [];
  for (const kind of SLICE_KINDS) {
    if (kind === 'language' && languages.size < 2) continue;
    const ofKind = [...groups.values()].filter((group) => group.kind === kind);
    if (kind !== 'language')
      ofKind.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    for (const group of ofKind) {
      const comparison = comparePassAtK(group.members, ks, options);
      const k: Record<string, PairedDifference> = { ...comparison.k };
      if (Object.keys(k).length === 0) continue;
      slices.push({
        kind,
        value: group.value,
        shared_problems: group.members.length,
        small: group.members.length < SMALL_SLICE_PROBLEMS,
        k,
      });
    }
  }
  return slices;
}
