import type { Random } from './random.ts';

/**
 * The paired sign-flip (permutation) test of "no difference": under the null hypothesis the
 * two runs are exchangeable within each unit (a problem, or a cluster of problems), so each
 * unit's summed difference a − b is as likely to have either sign. The statistic is
 * |Σ unit sums|; each of `permutations` replicates flips every unit's sign with probability
 * 1/2, and the two-sided p-value is (1 + replicates at least as extreme) / (1 + permutations),
 * which is a valid p-value for any number of permutations (Phipson and Smyth, 2010).
 *
 * @param unitSums Summed per-problem differences (a − b) of each unit.
 * @param permutations Random sign flips (integer >= 1).
 * @param random The stream the signs come from (32 signs per draw).
 * @returns The two-sided p-value in (0, 1].
 */
export function signFlipPValue(
  unitSums: ArrayLike<number>,
  permutations: number,
  random: Random,
): number {
  const count = unitSums.length;
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < count; i++) {
    observed += unitSums[i] as number;
    scale += Math.abs(unitSums[i] as number);
  }
  // Sums equal to the observed one up to rounding count as "at least as extreme".
  const threshold = Math.abs(observed) - 1e-9 * (scale + 1);
  let extreme = 0;
  for (let r = 0; r < permutations; r++) {
    let sum = 0;
    let bits = 0;
    for (let i = 0; i < count; i++) {
      if ((i & 31) === 0) bits = random.nextUint32();
      sum += bits & 1 ? (unitSums[i] as number) : -(unitSums[i] as number);
      bits >>>= 1;
    }
    if (Math.abs(sum) >= threshold) extreme++;
  }
  return (1 + extreme) / (1 + permutations);
}
