import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { comparePassAtK } from './compare-pass-at-k.ts';
import { holmAdjust } from './holm-adjust.ts';
import { mcnemarExact } from './mcnemar-exact.ts';
import { mean } from './mean.ts';
import { PAIRED_BOOTSTRAP_METHOD } from './paired-bootstrap.ts';
import type { PairedProblemCounts } from './paired-units.ts';
import { passAtK } from './pass-at-k.ts';

/** 100 problems × 10 samples; a passes 2 more samples than b on 3 problems in 5. */
const better: PairedProblemCounts[] = Array.from({ length: 100 }, (_, i) => {
  const c = (i * 7) % 9;
  return { taskId: `t${i}`, a: { n: 10, c: i % 5 < 3 ? c + 2 : c }, b: { n: 10, c } };
});

describe('comparePassAtK', () => {
  it('reports the difference of the unbiased estimates with interval, sign-flip p and Holm', () => {
    const result = comparePassAtK(better, [1, 5, 10], { resamples: 500, permutations: 2000 });
    for (const k of [1, 5, 10]) {
      const entry = result.k[String(k)];
      const estimateA = mean(better.map(({ a }) => passAtK(a.n, a.c, k)));
      const estimateB = mean(better.map(({ b }) => passAtK(b.n, b.c, k)));
      expect(entry?.estimate_a).toBe(estimateA);
      expect(entry?.difference).toBe(estimateA - estimateB);
      expect(entry?.test).toBe('sign-flip');
      expect(entry?.ci_low).toBeGreaterThan(0);
      expect(entry?.ci_low).toBeLessThanOrEqual(entry?.difference as number);
      expect(entry?.ci_high).toBeGreaterThanOrEqual(entry?.difference as number);
      expect(entry?.p_value).toBeLessThan(0.05);
      expect(entry?.minimum_detectable_difference).toBeGreaterThan(0);
    }
    const raw = [1, 5, 10].map((k) => result.k[String(k)]?.p_value as number);
    expect([1, 5, 10].map((k) => result.k[String(k)]?.p_adjusted)).toEqual(holmAdjust(raw));
    expect(result.method).toMatchObject({
      seed: 0,
      resamples: 500,
      permutations: 2000,
      level: 0.95,
      interval: PAIRED_BOOTSTRAP_METHOD,
      adjustment: 'holm',
      clusters: null,
    });
  });

  it('finds no difference between identical runs', () => {
    const same = better.map(({ taskId, b }) => ({ taskId, a: b, b }));
    const entry = comparePassAtK(same, [1], { resamples: 300, permutations: 500 }).k['1'];
    expect(entry).toMatchObject({ difference: 0, p_value: 1, p_adjusted: 1 });
    expect(entry?.ci_low).toBeLessThanOrEqual(0);
    expect(entry?.ci_high).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const options = { resamples: 300, permutations: 300 };
    const first = comparePassAtK(better.slice(0, 20), [1], { ...options, seed: 3 });
    expect(comparePassAtK(better.slice(0, 20), [1], { ...options, seed: 3 })).toEqual(first);
    expect(comparePassAtK(better.slice(0, 20), [1], { ...options, seed: 4 }).k['1']).not.toEqual(
      first.k['1'],
    );
  });

  it('uses the exact McNemar test with one sample per problem, and lists the discordant problems', () => {
    const single = Array.from({ length: 30 }, (_, i) => ({
      taskId: `t${i}`,
      a: { n: 1, c: i % 3 === 0 || i % 10 === 1 ? 1 : 0 },
      b: { n: 1, c: i % 10 === 1 || i === 2 ? 1 : 0 },
    }));
    const result = comparePassAtK(single, [1], { resamples: 200 });
    // a alone passes t0, t3, ..., t27 but not t21 (9 problems); b alone passes t2.
    expect(result.k['1']).toMatchObject({ test: 'mcnemar-exact', p_value: mcnemarExact(9, 1) });
    expect(result.k['1']?.difference).toBeCloseTo(8 / 30, 12);
    expect(result.flipped).toHaveLength(10);
    expect(result.flipped.filter((problem) => problem.better === 'b')).toEqual([
      expect.objectContaining({ task_id: 't2', pass_rate_a: 0, pass_rate_b: 1 }),
    ]);
  });

  it('flips and resamples clusters together when given, even with one sample', () => {
    const clustered = Array.from({ length: 30 }, (_, i) => ({
      taskId: `t${i}`,
      a: { n: 1, c: i % 2 },
      b: { n: 1, c: 0 },
      cluster: `g${Math.floor(i / 3)}`,
    }));
    const result = comparePassAtK(clustered, [1], { resamples: 200, permutations: 500 });
    expect(result.method.clusters).toBe(10);
    expect(result.k['1']?.test).toBe('sign-flip');
  });

  it('leaves out k that a problem has too few samples for', () => {
    const result = comparePassAtK(
      [
        { taskId: 'x', a: { n: 10, c: 3 }, b: { n: 5, c: 1 } },
        { taskId: 'y', a: { n: 10, c: 4 }, b: { n: 10, c: 2 } },
      ],
      [1, 10],
      { resamples: 100, permutations: 100 },
    );
    expect(Object.keys(result.k)).toEqual(['1']);
    expect(result.excluded).toEqual([
      { k: 10, reason: expect.stringContaining('1 shared problem has fewer than 10') },
    ]);
  });

  it('refuses empty input, repeated ids or k, and invalid counts', () => {
    const one = { taskId: 'x', a: { n: 2, c: 1 }, b: { n: 2, c: 1 } };
    expect(() => comparePassAtK([], [1])).toThrow(UsageError);
    expect(() => comparePassAtK([one, one], [1])).toThrow(/appears more than once/);
    expect(() => comparePassAtK([one], [1, 1])).toThrow(/more than once/);
    expect(() => comparePassAtK([{ ...one, b: { n: 2, c: 3 } }], [1])).toThrow(/must not exceed/);
    expect(() => comparePassAtK([{ ...one, a: { n: 0, c: 0 } }], [1])).toThrow(UsageError);
    expect(() => comparePassAtK([one], [1], { permutations: 0 })).toThrow(/permutations/);
  });
});
