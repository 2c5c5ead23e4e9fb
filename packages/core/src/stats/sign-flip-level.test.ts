import { describe, expect, it } from 'vitest';
import { passAtKUnchecked } from './pass-at-k.ts';
import { createRandom, type Random } from './random.ts';
import { signFlipPValue } from './sign-flip-test.ts';

/**
 * Level of the sign-flip test by simulation: two runs drawn from the same per-problem pass
 * rates must be declared different at the 5% level in 0.05 ± 0.015 of 2,000 trials. Each
 * trial's p-value uses 199 random sign flips rather than the 10,000 `comparePassAtK` uses:
 * (1 + extreme) / (1 + permutations) is a valid p-value for any number of permutations
 * (Phipson and Smyth, 2010), so its level is the same; only its power is slightly lower.
 */
const TRIALS = 2000;
const PERMUTATIONS = 199;

function binomial(random: Random, n: number, p: number): number {
  let passes = 0;
  for (let i = 0; i < n; i++) if (random.next() < p) passes++;
  return passes;
}

/** The share of trials whose p-value is at most 0.05. */
function rejectionRate(trial: (random: Random) => number[], seed: number): number {
  const random = createRandom(seed);
  let rejected = 0;
  for (let t = 0; t < TRIALS; t++) {
    if (signFlipPValue(trial(random), PERMUTATIONS, random) <= 0.05) rejected++;
  }
  return rejected / TRIALS;
}

describe('sign-flip test level (simulation, 2,000 trials)', () => {
  it('rejects identical runs in 0.05 ± 0.015 of trials (40 problems × 5 samples, pass@1)', () => {
    const rate = rejectionRate((random) => {
      const differences: number[] = [];
      for (let i = 0; i < 40; i++) {
        const p = random.next();
        differences.push((binomial(random, 5, p) - binomial(random, 5, p)) / 5);
      }
      return differences;
    }, 1);
    expect(rate).toBeGreaterThanOrEqual(0.035);
    expect(rate).toBeLessThanOrEqual(0.065);
  });

  it('keeps its level for pass@5 on 30 problems × 10 samples', () => {
    const rate = rejectionRate((random) => {
      const differences: number[] = [];
      for (let i = 0; i < 30; i++) {
        const p = random.next() * 0.5;
        differences.push(
          passAtKUnchecked(10, binomial(random, 10, p), 5) -
            passAtKUnchecked(10, binomial(random, 10, p), 5),
        );
      }
      return differences;
    }, 2);
    expect(rate).toBeGreaterThanOrEqual(0.035);
    expect(rate).toBeLessThanOrEqual(0.065);
  });

  it('with correlated problem groups, keeps its level clustered where the unclustered test does not', () => {
    // 40 groups (a HumanEval problem) × 5 problems (its languages) × 5 samples. No difference
    // on average, but within a group a and b differ alike: a shared effect u ~ U(-0.3, 0.3)
    // raises a's pass rate and lowers b's by u in every language of the group.
    const trial = (random: Random) => {
      const groups: number[][] = [];
      for (let g = 0; g < 40; g++) {
        const u = (random.next() - 0.5) * 0.6;
        const group: number[] = [];
        for (let j = 0; j < 5; j++) {
          const p = 0.3 + random.next() * 0.4;
          group.push((binomial(random, 5, p + u) - binomial(random, 5, p - u)) / 5);
        }
        groups.push(group);
      }
      return groups;
    };
    const clustered = rejectionRate(
      (random) => trial(random).map((group) => group.reduce((sum, d) => sum + d, 0)),
      3,
    );
    const unclustered = rejectionRate((random) => trial(random).flat(), 3);
    expect(clustered).toBeGreaterThanOrEqual(0.035);
    expect(clustered).toBeLessThanOrEqual(0.065);
    expect(unclustered).toBeGreaterThan(0.1);
  });
});
