import { describe, expect, it } from 'vitest';
import { meanPassHatK, passHatK } from './pass-hat-k.ts';

/** C(c, k) / C(n, k) with exact binomial coefficients (BigInt), for comparison. */
function exact(n: number, c: number, k: number): number {
  const choose = (a: number, b: number): bigint => {
    if (b > a) return 0n;
    let value = 1n;
    for (let i = 0; i < b; i++) value = (value * BigInt(a - i)) / BigInt(i + 1);
    return value;
  };
  return Number(choose(c, k)) / Number(choose(n, k));
}

describe('passHatK', () => {
  it('equals C(c,k)/C(n,k)', () => {
    for (const [n, c, k] of [
      [10, 7, 3],
      [20, 20, 20],
      [20, 19, 20],
      [5, 0, 1],
      [200, 150, 100],
    ] as const) {
      expect(passHatK(n, c, k)).toBeCloseTo(exact(n, c, k), 12);
    }
  });

  it('is c/n at k = 1 and never above pass@1', () => {
    expect(passHatK(8, 3, 1)).toBe(3 / 8);
    expect(passHatK(8, 3, 2)).toBeLessThan(3 / 8);
  });

  it('averages over problems and refuses bad input', () => {
    expect(
      meanPassHatK(
        [
          { n: 2, c: 2 },
          { n: 2, c: 1 },
        ],
        2,
      ),
    ).toBe(0.5);
    expect(() => passHatK(3, 4, 1)).toThrow(/must not exceed/);
    expect(() => passHatK(3, 1, 4)).toThrow(/at least 4 samples/);
    expect(() => meanPassHatK([], 1)).toThrow(/at least one problem/);
  });
});
