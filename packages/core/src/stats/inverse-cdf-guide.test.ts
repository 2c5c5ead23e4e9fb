import { describe, expect, it } from 'vitest';
import { binomialCdf } from './binomial-cdf.ts';
import { inverseCdfGuide } from './inverse-cdf-guide.ts';

function linearSearch(cdf: Float64Array, u: number): number {
  let j = 0;
  while (u >= (cdf[j] as number)) {
    j++;
  }
  return j;
}

function guidedSearch(cdf: Float64Array, guide: Int32Array, u: number): number {
  let j = guide[Math.floor(u * guide.length)] as number;
  while (u >= (cdf[j] as number)) {
    j++;
  }
  return j;
}

describe('inverseCdfGuide', () => {
  it('never starts past the answer, so guided search equals linear search', () => {
    const cdfs = [
      binomialCdf(10, 3),
      binomialCdf(200, 17),
      binomialCdf(5, 0),
      binomialCdf(5, 5),
      Float64Array.from([0.25, 0.25, 0.5, 0.75, Number.POSITIVE_INFINITY]),
    ];
    for (const cdf of cdfs) {
      const guide = inverseCdfGuide(cdf);
      // A fine grid of u, plus u exactly on every bucket boundary.
      const grid = Array.from({ length: 4096 }, (_, step) => step / 4096);
      const boundaries = Array.from({ length: cdf.length }, (_, g) => g / cdf.length);
      const mismatches = [...grid, ...boundaries].filter(
        (u) => guidedSearch(cdf, guide, u) !== linearSearch(cdf, u),
      );
      expect(mismatches).toEqual([]);
    }
  });
});
