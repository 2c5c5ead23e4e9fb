import { UsageError } from '../errors/usage-error.ts';
import type { ComparisonMethod, FlippedProblem, PairedDifference } from '../spec/comparison.ts';
import { assertInteger } from './assert-integer.ts';
import { type BootstrapOptions, resolveBootstrapOptions } from './bootstrap.ts';
import { FLIPPED_RULE, flippedProblems } from './flipped-problems.ts';
import { holmAdjust } from './holm-adjust.ts';
import { mcnemarExact } from './mcnemar-exact.ts';
import { mean } from './mean.ts';
import { PAIRED_BOOTSTRAP_METHOD, pairedBootstrapDifference } from './paired-bootstrap.ts';
import { type PairedProblemCounts, pairedUnits } from './paired-units.ts';
import { passAtKUnchecked } from './pass-at-k.ts';
import { createRandom } from './random.ts';
import { minimumDetectableDifference, POWER_METHOD } from './sign-flip-power.ts';
import { signFlipPValue } from './sign-flip-test.ts';

/** Settings of a paired comparison; every field has a default. */
export interface CompareOptions extends BootstrapOptions {
  /** Random sign flips per k for the sign-flip test; an integer >= 1, default 10000. */
  readonly permutations?: number;
}

/** A paired comparison of pass@k, without the runs' identities. */
export interface PassAtKComparison {
  /** One entry per k that every problem allows (n >= k in both runs), keyed `"1"`. */
  readonly k: Readonly<Record<string, PairedDifference>>;
  /** The k left out, and why. */
  readonly excluded: readonly { readonly k: number; readonly reason: string }[];
  readonly flipped: readonly FlippedProblem[];
  readonly method: ComparisonMethod;
}

const defaultPermutations = 10_000;
const MCNEMAR = 'mcnemar-exact';
const SIGN_FLIP = 'sign-flip';

/**
 * Compares two runs on the same problems, for each k: the difference a − b of pass@k (mean
 * of the unbiased per-problem estimates), its paired bootstrap interval
 * (`pairedBootstrapDifference`), a two-sided p-value, Holm's adjustment across the k
 * reported, and the minimum detectable difference at 80% power (`minimumDetectableDifference`).
 * The p-value is McNemar's exact test (`mcnemarExact`) when every problem has one sample in
 * each run and no clusters are given, otherwise the sign-flip test on the per-problem (or
 * per-cluster) differences (`signFlipPValue`). Each k's bootstrap and sign flips draw from
 * streams created from `seed`, so the result depends only on the inputs and the options.
 *
 * @param problems The shared problems; at least one, task ids unique, integers
 *   0 <= c <= n and n >= 1 in both runs.
 * @param ks The k to compare (integers >= 1, no repeats).
 * @param options Resamples (default 2000), permutations (default 10000), seed (default 0),
 *   level (default 0.95).
 * @returns The differences by k, the k left out, the flipped problems and the method.
 * @throws UsageError when there are no problems, a task id repeats, a count or k is invalid,
 *   or an option is out of range.
 */
export function comparePassAtK(
  problems: readonly PairedProblemCounts[],
  ks: readonly number[],
  options: CompareOptions = {},
): PassAtKComparison {
  const settings = resolveBootstrapOptions(options);
  const permutations = options.permutations ?? defaultPermutations;
  assertInteger(permutations, 'permutations', 1);
  validateProblems(problems);
  const seenKs = new Set<number>();
  for (const [i, k] of ks.entries()) {
    assertInteger(k, `ks[${i}]`, 1);
    if (seenKs.has(k)) throw new UsageError({ message: `k = ${k} is requested more than once` });
    seenKs.add(k);
  }

  const units = pairedUnits(problems);
  const clustered = units.length < problems.length;
  const allSingle = problems.every((problem) => problem.a.n === 1 && problem.b.n === 1);
  const test = allSingle && !clustered ? MCNEMAR : SIGN_FLIP;
  const excluded: { k: number; reason: string }[] = [];
  const raw: { k: number; entry: Omit<PairedDifference, 'p_adjusted'> }[] = [];
  for (const k of ks) {
    const short = problems.filter((problem) => problem.a.n < k || problem.b.n < k).length;
    if (short > 0) {
      excluded.push({
        k,
        reason: `${short} shared problem${short === 1 ? ' has' : 's have'} fewer than ${k} scored samples in a run; pass@${k} not compared`,
      });
      continue;
    }
    const valuesA = problems.map(({ a }) => passAtKUnchecked(a.n, a.c, k));
    const valuesB = problems.map(({ b }) => passAtKUnchecked(b.n, b.c, k));
    const estimateA = mean(valuesA);
    const estimateB = mean(valuesB);
    const difference = estimateA - estimateB;
    const unitSums = units.map((unit) =>
      unit.reduce((sum, i) => sum + (valuesA[i] as number) - (valuesB[i] as number), 0),
    );
    const unitSizes = units.map((unit) => unit.length);
    const interval = pairedBootstrapDifference(problems, units, k, settings);
    const pValue =
      test === MCNEMAR
        ? mcnemarExact(
            unitSums.filter((sum) => sum > 0).length,
            unitSums.filter((sum) => sum < 0).length,
          )
        : signFlipPValue(unitSums, permutations, createRandom(settings.seed));
    raw.push({
      k,
      entry: {
        estimate_a: estimateA,
        estimate_b: estimateB,
        difference,
        ci_low: Math.min(interval.low, difference),
        ci_high: Math.max(interval.high, difference),
        p_value: pValue,
        test,
        minimum_detectable_difference: minimumDetectableDifference({ unitSums, unitSizes }),
      },
    });
  }
  const adjusted = holmAdjust(raw.map(({ entry }) => entry.p_value));
  const byK: Record<string, PairedDifference> = {};
  for (const [i, { k, entry }] of raw.entries()) {
    const { minimum_detectable_difference, test: name, ...figures } = entry;
    byK[String(k)] = {
      ...figures,
      p_adjusted: adjusted[i] as number,
      test: name,
      minimum_detectable_difference,
    };
  }
  return {
    k: byK,
    excluded,
    flipped: flippedProblems(problems),
    method: {
      seed: settings.seed,
      resamples: settings.resamples,
      permutations,
      level: settings.level,
      interval: PAIRED_BOOTSTRAP_METHOD,
      tests: {
        n_is_1: `${MCNEMAR} (one sample per problem in both runs, no clusters)`,
        otherwise: `${SIGN_FLIP} (paired permutation of per-${clustered ? 'cluster' : 'problem'} differences)`,
      },
      adjustment: 'holm',
      clusters: clustered ? units.length : null,
      flipped: FLIPPED_RULE,
      minimum_detectable_difference: `80% power at the 5% level, two-sided; ${POWER_METHOD}`,
    },
  };
}

function validateProblems(problems: readonly PairedProblemCounts[]): void {
  if (problems.length === 0) {
    throw new UsageError({ message: 'comparePassAtK needs at least one shared problem, got none' });
  }
  const seen = new Set<string>();
  for (const [i, problem] of problems.entries()) {
    for (const side of ['a', 'b'] as const) {
      const { n, c } = problem[side];
      assertInteger(n, `problems[${i}].${side}.n`, 1);
      assertInteger(c, `problems[${i}].${side}.c`, 0);
      if (c > n) {
        throw new UsageError({
          message: `problems[${i}] (${problem.taskId}): ${side}.c (${c}) must not exceed n (${n})`,
        });
      }
    }
    const key = `${problem.language ?? ''}\u0000${problem.taskId}`;
    if (seen.has(key)) {
      throw new UsageError({
        message: `task id ${problem.taskId}${problem.language === undefined ? '' : ` (${problem.language})`} appears more than once`,
      });
    }
    seen.add(key);
  }
}
