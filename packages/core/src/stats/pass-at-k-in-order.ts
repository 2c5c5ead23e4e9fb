import { UsageError } from '../errors/usage-error.ts';
import { assertInteger } from './assert-integer.ts';
import { mean } from './mean.ts';

/**
 * pass@k in generation order: the fraction of problems where at least one of the first k
 * samples, in the order they were generated, passed. Unlike the unbiased estimator it uses
 * only those k samples, so it shows what a user taking the first k answers would see.
 *
 * @param outcomes Per problem, whether each sample passed, in generation order.
 * @param k Samples considered per problem (integer >= 1).
 * @returns A fraction in [0, 1] (mean over problems, NumPy-compatible summation).
 * @throws UsageError when `outcomes` is empty, `k` is invalid, or a problem has fewer than
 *   k samples.
 */
export function passAtKInOrder(outcomes: readonly (readonly boolean[])[], k: number): number {
  assertInteger(k, 'k', 1);
  if (outcomes.length === 0) {
    throw new UsageError({ message: 'passAtKInOrder needs at least one problem, got none' });
  }
  const solved = new Float64Array(outcomes.length);
  for (let i = 0; i < outcomes.length; i++) {
    const samples = outcomes[i] as readonly boolean[];
    if (samples.length < k) {
      throw new UsageError({
        message: `pass@${k} in order needs at least ${k} samples per problem; problem ${i} has ${samples.length}`,
      });
    }
    const firstPass = samples.indexOf(true);
    solved[i] = firstPass !== -1 && firstPass < k ? 1 : 0;
  }
  return mean(solved);
}

/** How far into the generation order problems were first solved. */
export interface FirstPassIndexDistribution {
  /** Number of problems by the 0-based index of their first passing sample; absent = 0. */
  readonly counts: Readonly<Record<number, number>>;
  /** Problems where no sample passed, including problems with no samples. */
  readonly neverPassed: number;
}

/**
 * The distribution of the index of the first passing sample per problem.
 *
 * @param outcomes Per problem, whether each sample passed, in generation order.
 * @returns Counts keyed by 0-based index, and the number of problems never solved; the
 *   counts and `neverPassed` add up to the number of problems.
 */
export function firstPassIndexDistribution(
  outcomes: readonly (readonly boolean[])[],
): FirstPassIndexDistribution {
  const counts: Record<number, number> = {};
  let neverPassed = 0;
  for (const samples of outcomes) {
    const index = samples.indexOf(true);
    if (index === -1) {
      neverPassed++;
    } else {
      counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  return { counts, neverPassed };
}
