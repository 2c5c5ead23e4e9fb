import { assertInteger } from './assert-integer.ts';

/**
 * The exact (binomial) McNemar test for paired binary outcomes: given `onlyA` pairs where
 * only a passed and `onlyB` where only b passed, under "no difference" onlyA ~
 * Binomial(onlyA + onlyB, 1/2), and the two-sided p-value is min(1, 2 P(X <= min)).
 * Pairs where both or neither passed carry no information and are not counted.
 *
 * @param onlyA Discordant pairs favouring a (integer >= 0).
 * @param onlyB Discordant pairs favouring b (integer >= 0).
 * @returns The two-sided p-value in (0, 1]; 1 when there are no discordant pairs.
 * @throws UsageError when a count is not an integer >= 0.
 */
export function mcnemarExact(onlyA: number, onlyB: number): number {
  assertInteger(onlyA, 'onlyA', 0);
  assertInteger(onlyB, 'onlyB', 0);
  const total = onlyA + onlyB;
  const smaller = Math.min(onlyA, onlyB);
  if (total === 0) return 1;
  // log C(total, j) - total log 2, summed for j = 0..smaller.
  let logChoose = 0;
  let tail = 0;
  for (let j = 0; j <= smaller; j++) {
    if (j > 0) logChoose += Math.log(total - j + 1) - Math.log(j);
    tail += Math.exp(logChoose - total * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}
