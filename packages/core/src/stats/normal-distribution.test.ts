import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal-distribution.ts';

describe('normalCdf and normalQuantile', () => {
  it('agree with tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621234, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
  });

  it('are inverses, with the edge cases', () => {
    for (const p of [0.01, 0.2, 0.5, 0.9, 0.999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
