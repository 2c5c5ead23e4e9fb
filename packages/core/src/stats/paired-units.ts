import type { ProblemCounts } from './bootstrap.ts';

/** Sample counts of one problem in both runs of a paired comparison. */
export interface PairedProblemCounts {
  /** The benchmark's task id. */
  readonly taskId: string;
  /** The problem's language, where task ids repeat across languages (with it, unique). */
  readonly language?: string;
  /** Scored and passing samples of run a. */
  readonly a: ProblemCounts;
  /** Scored and passing samples of run b. */
  readonly b: ProblemCounts;
  /**
   * Problems with the same cluster key are resampled and sign-flipped together (e.g. the
   * HumanEval problem behind each language's task); absent: the problem is its own cluster.
   */
  readonly cluster?: string;
}

/**
 * The resampling units of a paired design: problem indices grouped by cluster key, in order
 * of first appearance; a problem without a key is a unit of its own.
 *
 * @param problems The paired problems.
 * @returns The units (each a non-empty list of indices into `problems`).
 */
export function pairedUnits(problems: readonly PairedProblemCounts[]): number[][] {
  const units: number[][] = [];
  const unitByCluster = new Map<string, number[]>();
  for (const [index, problem] of problems.entries()) {
    if (problem.cluster === undefined) {
      units.push([index]);
      continue;
    }
    let unit = unitByCluster.get(problem.cluster);
    if (!unit) {
      unit = [];
      unitByCluster.set(problem.cluster, unit);
      units.push(unit);
    }
    unit.push(index);
  }
  return units;
}
