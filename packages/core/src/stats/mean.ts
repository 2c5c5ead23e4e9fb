import { UsageError } from '../errors/usage-error.ts';

/** NumPy's `PW_BLOCKSIZE`: blocks up to this length are summed with 8 accumulators. */
const blockSize = 128;

/**
 * The arithmetic mean, bit-for-bit equal to NumPy's `np.mean` on a 1-D float64 array: the
 * sum uses NumPy's pairwise summation (`pairwiseSum`) and is then divided by the length.
 *
 * @param values The numbers to average; not checked for finiteness (NaN propagates).
 * @returns The mean.
 * @throws UsageError when `values` is empty (NumPy would return NaN with a warning).
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) {
    throw new UsageError({ message: 'mean needs at least one value, got an empty list' });
  }
  return pairwiseSum(values) / values.length;
}

/**
 * The sum computed as NumPy's `add.reduce` does for a contiguous float64 array: the
 * reduction's identity 0 plus `pairwise_sum` over all elements. `pairwise_sum` adds fewer
 * than 8 values in a plain loop; up to 128 values with 8 interleaved accumulators combined
 * as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and the remainder added one by one; and above 128
 * splits at half the length rounded down to a multiple of 8 and recurses on both halves.
 *
 * @param values The numbers to add.
 * @returns The sum (0 for an empty list).
 */
export function pairwiseSum(values: ArrayLike<number>): number {
  return 0 + pairwiseSumRange(values, 0, values.length);
}

function pairwiseSumRange(values: ArrayLike<number>, start: number, count: number): number {
  if (count < 8) {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += values[start + i] as number;
    }
    return sum;
  }
  if (count <= blockSize) {
    let r0 = values[start] as number;
    let r1 = values[start + 1] as number;
    let r2 = values[start + 2] as number;
    let r3 = values[start + 3] as number;
    let r4 = values[start + 4] as number;
    let r5 = values[start + 5] as number;
    let r6 = values[start + 6] as number;
    let r7 = values[start + 7] as number;
    const unrolledEnd = count - (count % 8);
    let i = 8;
    for (; i < unrolledEnd; i += 8) {
      const at = start + i;
      r0 += values[at] as number;
      r1 += values[at + 1] as number;
      r2 += values[at + 2] as number;
      r3 += values[at + 3] as number;
      r4 += values[at + 4] as number;
      r5 += values[at + 5] as number;
      r6 += values[at + 6] as number;
      r7 += values[at + 7] as number;
    }
    // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), as NumPy groups it.
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) {
      sum += values[start + i] as number;
    }
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return (
    pairwiseSumRange(values, start, half) + pairwiseSumRange(values, start + half, count - half)
  );
}
