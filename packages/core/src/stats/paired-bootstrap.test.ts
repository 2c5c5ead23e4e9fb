import { describe, expect, it } from 'vitest';
import { pairedBootstrapDifference } from './paired-bootstrap.ts';
import { type PairedProblemCounts, pairedUnits } from './paired-units.ts';
import { createRandom, type Random } from './random.ts';

function binomial(random: Random, n: number, p: number): number {
  let passes = 0;
  for (let i = 0; i < n; i++) if (random.next() < p) passes++;
  return passes;
}

/**
 * Coverage by simulation, 300 trials with 400 replicates each (fewer than the 2,000 that
 * `comparePassAtK` uses: the percentiles' own noise at 400 moves coverage by well under a
 * point, and 300 trials measure it to about ±2.5 points).
 */
function coverage(trial: (random: Random) => PairedProblemCounts[], truth: number): number {
  const random = createRandom(21);
  let covered = 0;
  const trials = 300;
  for (let t = 0; t < trials; t++) {
    const problems = trial(random);
    const { low, high } = pairedBootstrapDifference(problems, pairedUnits(problems), 1, {
      resamples: 400,
      seed: t,
      level: 0.95,
    });
    if (low <= truth && truth <= high) covered++;
  }
  return covered / trials;
}

describe('pairedBootstrapDifference', () => {
  it('covers the true difference about 95% of the time (60 problems × 5 samples, +10 points)', () => {
    const rate = coverage(
      (random) =>
        Array.from({ length: 60 }, (_, i) => {
          const p = random.next() * 0.8;
          return {
            taskId: String(i),
            a: { n: 5, c: binomial(random, 5, p + 0.1) },
            b: { n: 5, c: binomial(random, 5, p) },
          };
        }),
      0.1,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(rate).toBeLessThanOrEqual(0.99);
  });

  it('with correlated groups, covers when clustered and under-covers when not', () => {
    // 30 groups × 5 problems × 3 samples; a group-wide effect u ~ U(-0.3, 0.3) moves a up and
    // b down alike (true difference 0).
    const draw = (clustered: boolean) => (random: Random) => {
      const problems: PairedProblemCounts[] = [];
      for (let g = 0; g < 30; g++) {
        const u = (random.next() - 0.5) * 0.6;
        for (let j = 0; j < 5; j++) {
          const p = 0.3 + random.next() * 0.4;
          problems.push({
            taskId: `${g}/${j}`,
            a: { n: 3, c: binomial(random, 3, p + u) },
            b: { n: 3, c: binomial(random, 3, p - u) },
            ...(clustered ? { cluster: String(g) } : {}),
          });
        }
      }
      return problems;
    };
    expect(coverage(draw(true), 0)).toBeGreaterThanOrEqual(0.9);
    expect(coverage(draw(false), 0)).toBeLessThan(0.85);
  });
});
