import { UsageError } from '../errors/usage-error.ts';
import type { PassAtKEstimate } from '../spec/run.ts';
import { assertInteger } from './assert-integer.ts';
import {
  BOOTSTRAP_METHOD,
  type BootstrapOptions,
  bootstrapPassAtK,
  resolveBootstrapOptions,
} from './bootstrap.ts';

/** Sample counts of one task. */
export interface TaskCounts {
  /** The benchmark's task id. */
  readonly taskId: string;
  /** Samples scored (infrastructure failures not counted); 0 when none could be scored. */
  readonly n: number;
  /** Samples among them that passed. */
  readonly c: number;
}

/** Problems left out of a pass@k figure, and why. */
export interface ExcludedK {
  /** The k concerned. */
  readonly k: number;
  /** Human-readable cause, e.g. "3 problems have fewer than 10 samples; pass@10 not reported". */
  readonly reason: string;
  /** Task ids of the problems concerned, in input order. */
  readonly problems: readonly string[];
}

/** pass@k for several k, with what was left out. */
export interface PassAtKSummary {
  /** Reported figures keyed by k (`"1"`, `"10"`). */
  readonly passAtK: Readonly<Record<string, PassAtKEstimate>>;
  /**
   * One entry per (k, cause). A k is reported exactly when it is a key of `passAtK`; an entry
   * for a reported k lists problems left out of it (those with no scored samples).
   */
  readonly excluded: readonly ExcludedK[];
  /** How the intervals were computed (recorded even when no k was reported). */
  readonly confidence: {
    readonly method: typeof BOOTSTRAP_METHOD;
    readonly level: number;
    readonly resamples: number;
    readonly seed: number;
  };
}

/**
 * pass@k with bootstrap intervals (`bootstrapPassAtK`) for each requested k, gated as
 * human-eval does: k is reported only when every scored problem has n >= k; otherwise it is
 * not reported and an `excluded` entry lists the problems with n < k. Problems with n = 0
 * (every sample was an infrastructure failure) are left out of every k and listed, for each
 * k, in their own `excluded` entry; the other problems are still scored. All k share one
 * seed, so their intervals come from the same resampled benchmarks. With no problems at
 * all, nothing is reported and each k gets an entry with no task ids.
 *
 * @param problems Counts per task; task ids unique, integers 0 <= c <= n.
 * @param ks The k to report, each an integer >= 1, no repeats (may be empty).
 * @param options Bootstrap resamples (default 2000), seed (default 0), level (default 0.95).
 * @returns The reported figures, the exclusions and the interval settings.
 * @throws UsageError when a task id repeats, a count or k is invalid,
 *   a k repeats, or an option is out of range.
 */
export function summarizePassAtK(
  problems: readonly TaskCounts[],
  ks: readonly number[],
  options: BootstrapOptions = {},
): PassAtKSummary {
  const resolved = resolveBootstrapOptions(options);
  const seenTaskIds = new Set<string>();
  for (const [i, problem] of problems.entries()) {
    assertInteger(problem.n, `problems[${i}].n`, 0);
    assertInteger(problem.c, `problems[${i}].c`, 0);
    if (problem.c > problem.n) {
      throw new UsageError({
        message: `problems[${i}] (${problem.taskId}): c (${problem.c}) must not exceed n (${problem.n})`,
      });
    }
    if (seenTaskIds.has(problem.taskId)) {
      throw new UsageError({ message: `task id ${problem.taskId} appears more than once` });
    }
    seenTaskIds.add(problem.taskId);
  }
  const seenKs = new Set<number>();
  for (const [i, k] of ks.entries()) {
    assertInteger(k, `ks[${i}]`, 1);
    if (seenKs.has(k)) {
      throw new UsageError({ message: `k = ${k} is requested more than once` });
    }
    seenKs.add(k);
  }

  const unscored = problems.filter((problem) => problem.n === 0).map((problem) => problem.taskId);
  const scored = problems.filter((problem) => problem.n > 0);
  const passAtK: Record<string, PassAtKEstimate> = {};
  const excluded: ExcludedK[] = [];
  for (const k of ks) {
    if (unscored.length > 0) {
      excluded.push({
        k,
        reason: `${countProblems(unscored.length)} no scored samples (every sample was an infrastructure failure); left out of pass@${k}`,
        problems: unscored,
      });
    }
    const short = scored.filter((problem) => problem.n < k).map((problem) => problem.taskId);
    if (short.length > 0) {
      excluded.push({
        k,
        reason: `${countProblems(short.length)} fewer than ${k} samples; pass@${k} not reported`,
        problems: short,
      });
      continue;
    }
    if (problems.length === 0) {
      excluded.push({ k, reason: `no problems to score; pass@${k} not reported`, problems: [] });
      continue;
    }
    if (scored.length === 0) {
      continue;
    }
    const interval = bootstrapPassAtK(scored, k, resolved);
    passAtK[String(k)] = {
      estimate: interval.estimate,
      ci_low: interval.low,
      ci_high: interval.high,
    };
  }
  return { passAtK, excluded, confidence: { method: BOOTSTRAP_METHOD, ...resolved } };
}

function countProblems(count: number): string {
  return count === 1 ? '1 problem has' : `${count} problems have`;
}
