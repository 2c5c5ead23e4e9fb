import { UsageError } from '../errors/usage-error.ts';
import { assertInteger } from './assert-integer.ts';
import { mean } from './mean.ts';

/**
 * The unbiased pass^k of one problem (τ-bench's "all k pass"): the probability that k samples
 * drawn without replacement from the n all pass, C(c, k) / C(n, k), in its stable product
 * form prod_{i=0..k-1} (c − i) / (n − i) (0 when c < k).
 *
 * @param n Samples scored (integer, n >= k).
 * @param c Samples among them that passed (integer, 0 <= c <= n).
 * @param k Samples that must all pass (integer >= 1).
 * @returns A fraction in [0, 1].
 * @throws UsageError for non-integers, k < 1, c > n or n < k.
 */
export function passHatK(n: number, c: number, k: number): number {
  assertInteger(n, 'n', 0);
  assertInteger(c, 'c', 0);
  assertInteger(k, 'k', 1);
  if (c > n) throw new UsageError({ message: `c (${c}) must not exceed n (${n})` });
  if (n < k) {
    throw new UsageError({ message: `pass^${k} needs at least ${k} samples, got n = ${n}` });
  }
  if (c < k) return 0;
  let product = 1;
  for (let i = 0; i < k; i++) product *= (c - i) / (n - i);
  return product;
}

/**
 * Mean pass^k over problems.
 *
 * @param counts Scored (n >= k) and passing samples per problem; at least one problem.
 * @param k Samples that must all pass.
 * @returns A fraction in [0, 1].
 * @throws UsageError as `passHatK`, or for no problems.
 */
export function meanPassHatK(
  counts: readonly { readonly n: number; readonly c: number }[],
  k: number,
): number {
  if (counts.length === 0) throw new UsageError({ message: 'pass^k needs at least one problem' });
  return mean(counts.map(({ n, c }) => passHatK(n, c, k)));
}
