import { UsageError } from '../errors/usage-error.ts';

/**
 * The q-quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman and Fan type 7, NumPy's default `method="linear"`).
 *
 * @param sorted Values in ascending order (not checked), at least one.
 * @param q Probability in [0, 1].
 * @returns The interpolated quantile.
 * @throws UsageError when `sorted` is empty or `q` is outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) {
    throw new UsageError({ message: 'quantile needs at least one value, got an empty list' });
  }
  if (!(q >= 0 && q <= 1)) {
    throw new UsageError({ message: `quantile probability must be in [0, 1], got ${q}` });
  }
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  if (below === sorted.length - 1) {
    return lower;
  }
  const upper = sorted[below + 1] as number;
  return lower + (position - below) * (upper - lower);
}
