/**
 * Holm's step-down adjustment of p-values for a family of tests (Holm, 1979): sorted
 * ascending, the i-th smallest (0-based) becomes max over j <= i of min(1, (m - j) p_(j)).
 * Rejecting where the adjusted value is below α controls the family-wise error rate at α.
 *
 * @param pValues The raw p-values, each in [0, 1]; may be empty.
 * @returns The adjusted p-values, in the input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const count = pValues.length;
  const order = pValues
    .map((_, index) => index)
    .sort((i, j) => (pValues[i] as number) - (pValues[j] as number));
  const adjusted = new Array<number>(count);
  let running = 0;
  for (const [rank, index] of order.entries()) {
    running = Math.max(running, Math.min(1, (count - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  }
  return adjusted;
}
