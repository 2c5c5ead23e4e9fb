import { describe, expect, it } from 'vitest';
import { curveKs, passAtKCurve } from './pass-at-k-curve.ts';
import { passAtKInOrder } from './pass-at-k-in-order.ts';
import { summarizePassAtK } from './summarize-pass-at-k.ts';

describe('curveKs', () => {
  it('is every k up to 100', () => {
    expect(curveKs(5)).toEqual([1, 2, 3, 4, 5]);
    expect(curveKs(100)).toHaveLength(100);
    expect(curveKs(0)).toEqual([]);
  });

  it('spreads about 100 points on a log scale above 100, with the required k', () => {
    const ks = curveKs(1000, [150, 2000]);
    expect(ks[0]).toBe(1);
    expect(ks.at(-1)).toBe(1000);
    expect(ks).toContain(150);
    expect(ks).not.toContain(2000);
    expect(ks.length).toBeGreaterThan(60);
    expect(ks.length).toBeLessThanOrEqual(101);
    expect([...ks].sort((x, y) => x - y)).toEqual(ks);
  });
});

describe('passAtKCurve', () => {
  const outcomes = [
    [true, false, false, true],
    [false, false, false, false],
    [false, true, true, true],
    [],
  ];
  const problems = outcomes.map((row, i) => ({
    taskId: `T${i}`,
    n: row.length,
    c: row.filter(Boolean).length,
  }));

  it('gives the summary figures at every k up to the smallest scored n, with pass@k in order', () => {
    const curve = passAtKCurve(problems, outcomes, { resamples: 300, seed: 3 });
    expect(curve.map((point) => point.k)).toEqual([1, 2, 3, 4]);
    const summary = summarizePassAtK(problems.slice(0, 3), [1, 2, 3, 4], {
      resamples: 300,
      seed: 3,
    });
    for (const point of curve) {
      expect(point).toMatchObject(summary.passAtK[String(point.k)] ?? {});
      expect(point.in_order).toBe(passAtKInOrder(outcomes.slice(0, 3), point.k));
    }
    expect(curve[0]?.estimate).toBeCloseTo((0.5 + 0 + 0.75) / 3, 12);
  });

  it('is empty when nothing was scored', () => {
    expect(passAtKCurve([{ taskId: 'T', n: 0, c: 0 }], [[]])).toEqual([]);
  });
});
