import { UsageError } from '../errors/usage-error.ts';
import { assertInteger } from './assert-integer.ts';

/**
 * The unbiased pass@k estimator of the Codex paper for one problem, computed exactly as
 * openai/human-eval does: 1 when `n - c < k`, otherwise `1 - prod_{i=n-c+1..n} (1 - k / i)`
 * multiplied left to right in double precision (bit-for-bit equal to NumPy's `np.prod`).
 *
 * @param n Samples generated for the problem (integer, n >= k).
 * @param c Samples among them that passed (integer, 0 <= c <= n).
 * @param k Attempts allowed (integer, k >= 1).
 * @returns The estimated probability, a fraction in [0, 1], that at least one of k samples
 *   drawn without replacement from the n passes.
 * @throws UsageError when an argument is not an integer, `k < 1`, `c < 0`, `c > n`, or
 *   `n < k` (no unbiased estimate exists then; human-eval drops such k).
 */
export function passAtK(n: number, c: number, k: number): number {
  assertInteger(n, 'n', 0);
  assertInteger(c, 'c', 0);
  assertInteger(k, 'k', 1);
  if (c > n) {
    throw new UsageError({ message: `c (${c}) must not exceed n (${n})` });
  }
  if (n < k) {
    throw new UsageError({
      message: `pass@${k} needs at least ${k} samples per problem, got n = ${n}`,
    });
  }
  return passAtKUnchecked(n, c, k);
}

/**
 * `passAtK` without argument checks, for hot loops whose inputs were validated once.
 *
 * @returns The same value as `passAtK(n, c, k)` for valid integer inputs; unspecified otherwise.
 */
export function passAtKUnchecked(n: number, c: number, k: number): number {
  if (n - c < k) {
    return 1;
  }
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) {
    product *= 1 - k / i;
  }
  return 1 - product;
}
