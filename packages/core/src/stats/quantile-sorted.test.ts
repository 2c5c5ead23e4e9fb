import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { quantileSorted } from './quantile-sorted.ts';

describe('quantileSorted', () => {
  it('interpolates linearly like numpy.quantile', () => {
    // np.quantile([1, 2, 4, 8], [0, 0.025, 0.5, 0.975, 1]) = [1, 1.075, 3, 7.7, 8]
    const sorted = [1, 2, 4, 8];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 0.025)).toBeCloseTo(1.075, 14);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.975)).toBeCloseTo(7.7, 14);
    expect(quantileSorted(sorted, 1)).toBe(8);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });

  it('refuses empty input and probabilities outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(UsageError);
    expect(() => quantileSorted([1], 1.5)).toThrow(UsageError);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(UsageError);
  });
});
