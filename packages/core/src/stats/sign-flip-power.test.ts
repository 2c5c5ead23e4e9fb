import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from './random.ts';
import { minimumDetectableDifference, signFlipPower } from './sign-flip-power.ts';
import { signFlipPValue } from './sign-flip-test.ts';

function binomial(random: Random, n: number, p: number): number {
  let passes = 0;
  for (let i = 0; i < n; i++) if (random.next() < p) passes++;
  return passes;
}

/** 164 problems × 10 samples, b's pass rates ~ 0.9 Beta(2, 2), a's 5 points higher. */
function draw(random: Random): number[] {
  const differences: number[] = [];
  for (let i = 0; i < 164; i++) {
    const u1 = random.next();
    const u2 = random.next();
    const u3 = random.next();
    // The median of three uniforms is Beta(2, 2).
    const p = 0.9 * (u1 + u2 + u3 - Math.max(u1, u2, u3) - Math.min(u1, u2, u3));
    differences.push((binomial(random, 10, p + 0.05) - binomial(random, 10, p)) / 10);
  }
  return differences;
}

const ones = (length: number) => new Array<number>(length).fill(1);

describe('signFlipPower', () => {
  it('matches the simulated power within 3 points for a 5-point difference on 164 × 10 (2,000 trials)', () => {
    // Each simulated test uses 199 sign flips (a valid p-value for any number; see
    // sign-flip-level.test.ts); its power is within a fraction of a point of 10,000 flips'.
    const random = createRandom(5);
    const trials = 2000;
    let rejected = 0;
    let reported = 0;
    for (let t = 0; t < trials; t++) {
      const differences = draw(random);
      if (signFlipPValue(differences, 199, random) <= 0.05) rejected++;
      reported += signFlipPower({ unitSums: differences, unitSizes: ones(164) }, 0.05) as number;
    }
    const simulated = rejected / trials;
    const predicted = reported / trials;
    expect(simulated).toBeGreaterThan(0.5);
    expect(simulated).toBeLessThan(0.99);
    expect(Math.abs(predicted - simulated)).toBeLessThanOrEqual(0.03);
  });

  it('is alpha at no difference and grows with the difference', () => {
    const design = { unitSums: draw(createRandom(6)), unitSizes: ones(164) };
    expect(signFlipPower(design, 0)).toBeCloseTo(0.05, 6);
    const small = signFlipPower(design, 0.02) as number;
    const large = signFlipPower(design, 0.08) as number;
    expect(small).toBeGreaterThan(0.05);
    expect(large).toBeGreaterThan(small);
  });

  it('is unknown without spread or with a single unit', () => {
    expect(signFlipPower({ unitSums: [0, 0, 0], unitSizes: [1, 1, 1] }, 0.1)).toBeNull();
    expect(signFlipPower({ unitSums: [0.5], unitSizes: [1] }, 0.1)).toBeNull();
  });
});

describe('minimumDetectableDifference', () => {
  it('is the difference detected with 80% power', () => {
    const design = { unitSums: draw(createRandom(7)), unitSizes: ones(164) };
    const mdd = minimumDetectableDifference(design) as number;
    expect(mdd).toBeGreaterThan(0.01);
    expect(mdd).toBeLessThan(0.1);
    expect(signFlipPower(design, mdd)).toBeCloseTo(0.8, 4);
    expect(minimumDetectableDifference(design, 0.9) as number).toBeGreaterThan(mdd);
  });

  it('is null when even a difference of 1 falls short', () => {
    expect(minimumDetectableDifference({ unitSums: [1, -1], unitSizes: [1, 1] })).toBeNull();
  });
});
