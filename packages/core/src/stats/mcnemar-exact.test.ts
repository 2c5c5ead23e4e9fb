import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { mcnemarExact } from './mcnemar-exact.ts';

describe('mcnemarExact', () => {
  it('is twice the binomial tail of the smaller discordant count', () => {
    expect(mcnemarExact(0, 5)).toBeCloseTo(2 / 32, 12);
    expect(mcnemarExact(9, 1)).toBeCloseTo(22 / 1024, 12);
    // 2 * sum(comb(40, j) for j in 0..10) / 2**40, exact in Python
    expect(mcnemarExact(10, 30)).toBeCloseTo(0.0022214337732293643, 14);
  });

  it('is 1 for balanced or no discordant pairs, and symmetric', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(7, 7)).toBe(1);
    expect(mcnemarExact(3, 12)).toBe(mcnemarExact(12, 3));
  });

  it('refuses counts that are not integers >= 0', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(UsageError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(UsageError);
  });
});
