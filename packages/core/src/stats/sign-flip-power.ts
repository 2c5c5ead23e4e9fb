import { normalCdf, normalQuantile } from './normal-distribution.ts';

/** The name recorded for how `signFlipPower` and `minimumDetectableDifference` work. */
export const POWER_METHOD =
  'normal approximation of the sign-flip test: Var(T) from the observed per-unit differences, rejection when |T| > z sqrt(sum of squared unit sums)';

/** What a paired design's power depends on, from its observed per-unit differences. */
export interface PairedDesign {
  /** Summed differences (a − b) per unit (problem or cluster). */
  readonly unitSums: ArrayLike<number>;
  /** Problems per unit. */
  readonly unitSizes: ArrayLike<number>;
}

/**
 * The power of the two-sided sign-flip test (`signFlipPValue`) at level `alpha` when the
 * true mean per-problem difference is `difference`, by a normal approximation. With N
 * problems in G units, T = Σ unit sums has mean δN and variance V, estimated as
 * G / (G − 1) Σ (D_g − d̄ m_g)² (the spread of the observed unit sums around the observed
 * mean difference d̄, as it would be in a new design of the same shape). The sign-flip test
 * rejects when |T| exceeds z_{1−α/2} sqrt(Σ D_g²), whose expectation under δ is
 * V + δ² Σ m_g², so the power is Φ((δN − z s) / √V) + Φ((−δN − z s) / √V) with
 * s = sqrt(V + δ² Σ m_g²). With n = 1 the sign-flip test is the exact McNemar test.
 *
 * @param design The observed unit sums and sizes (at least two units).
 * @param difference The true difference δ, a fraction.
 * @param alpha Two-sided level; default 0.05.
 * @returns The power in [0, 1], or null when V is 0 or there are fewer than two units.
 */
export function signFlipPower(
  design: PairedDesign,
  difference: number,
  alpha = 0.05,
): number | null {
  const moments = designMoments(design);
  if (!moments) return null;
  return powerFrom(moments, difference, normalQuantile(1 - alpha / 2));
}

/**
 * The smallest difference δ >= 0 that `signFlipPower` detects with the given power
 * (bisection to 1e-6).
 *
 * @param design The observed unit sums and sizes.
 * @param power Target power; default 0.8.
 * @param alpha Two-sided level; default 0.05.
 * @returns δ in [0, 1], or null when the power is unknown (see `signFlipPower`) or even a
 *   difference of 1 falls short of it.
 */
export function minimumDetectableDifference(
  design: PairedDesign,
  power = 0.8,
  alpha = 0.05,
): number | null {
  const moments = designMoments(design);
  if (!moments) return null;
  const z = normalQuantile(1 - alpha / 2);
  if (powerFrom(moments, 1, z) < power) return null;
  let low = 0;
  let high = 1;
  while (high - low > 1e-6) {
    const middle = (low + high) / 2;
    if (powerFrom(moments, middle, z) >= power) high = middle;
    else low = middle;
  }
  return high;
}

interface Moments {
  readonly problems: number;
  readonly variance: number;
  readonly squaredSizes: number;
}

function designMoments({ unitSums, unitSizes }: PairedDesign): Moments | null {
  const units = unitSums.length;
  if (units < 2) return null;
  let problems = 0;
  let total = 0;
  let squaredSizes = 0;
  for (let g = 0; g < units; g++) {
    problems += unitSizes[g] as number;
    total += unitSums[g] as number;
    squaredSizes += (unitSizes[g] as number) ** 2;
  }
  const meanDifference = total / problems;
  let residuals = 0;
  for (let g = 0; g < units; g++) {
    residuals += ((unitSums[g] as number) - meanDifference * (unitSizes[g] as number)) ** 2;
  }
  const variance = (residuals * units) / (units - 1);
  if (!(variance > 0)) return null;
  return { problems, variance, squaredSizes };
}

function powerFrom({ problems, variance, squaredSizes }: Moments, difference: number, z: number) {
  const spread = Math.sqrt(variance);
  const threshold = z * Math.sqrt(variance + difference ** 2 * squaredSizes);
  const shift = difference * problems;
  return normalCdf((shift - threshold) / spread) + normalCdf((-shift - threshold) / spread);
}
