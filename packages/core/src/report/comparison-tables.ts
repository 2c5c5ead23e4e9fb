import type { RunComparison } from '../spec/comparison.ts';

const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`;
const percent = (value: number) => (value * 100).toFixed(1);
const pValue = (value: number) => (value < 0.0001 ? '<0.0001' : value.toFixed(4));

type ComparisonEntry = RunComparison['k'][string];

const cells = (label: string, entry: ComparisonEntry): string[] => [
  label,
  percent(entry.estimate_a),
  percent(entry.estimate_b),
  points(entry.difference),
  `[${points(entry.ci_low)}, ${points(entry.ci_high)}]`,
  pValue(entry.p_value),
  pValue(entry.p_adjusted),
  entry.test,
  entry.minimum_detectable_difference === null ? '-' : percent(entry.minimum_detectable_difference),
];

/**
 * The comparison as table rows, header first: one row per k (a %, b %, difference in points
 * with its interval, p, Holm-adjusted p, test, minimum detectable difference in points), then
 * one per k and slice, labelled with the slice and its shared problems (`*` when small). The
 * `test` column is the 8th (index 7); every other column but the first is numeric.
 */
export function comparisonRows(comparison: RunComparison): string[][] {
  const level = Math.round(comparison.method.level * 100);
  return [
    ['metric', 'a %', 'b %', 'a - b (points)', `${level}% CI`, 'p', 'p (Holm)', 'test', 'MDD'],
    ...Object.entries(comparison.k).map(([k, entry]) => cells(`pass@${k}`, entry)),
    ...(comparison.slices ?? []).flatMap((slice) =>
      Object.entries(slice.k).map(([k, entry]) =>
        cells(
          `pass@${k} ${slice.kind}: ${slice.value} (${slice.shared_problems}${slice.small ? '*' : ''})`,
          entry,
        ),
      ),
    ),
  ];
}

/** A flipped problem's label: its task id, and its language in a run of several. */
export function flippedLabel(flip: RunComparison['flipped'][number]): string {
  return flip.language === undefined ? flip.task_id : `${flip.task_id} (${flip.language})`;
}

/**
 * The notes under a comparison: ks not compared, the flips toward each run, the method
 * (intervals, tests, seed, Holm's scope, clusters), small slices, the minimum detectable
 * difference.
 *
 * @param listedFlips How many flipped problems the caller lists by name (the note says so when
 *   there are more); all of them when absent.
 */
export function comparisonNotes(comparison: RunComparison, listedFlips?: number): string[] {
  const level = Math.round(comparison.method.level * 100);
  const flips = comparison.flipped;
  const towardA = flips.filter((flip) => flip.better === 'a').length;
  const method = comparison.method;
  return [
    ...comparison.excluded_k.map((entry) => `pass@${entry.k} not compared: ${entry.reason}`),
    `${flips.length} problems flipped (${towardA} toward a, ${flips.length - towardA} toward b): ${method.flipped}${listedFlips !== undefined && flips.length > listedFlips ? `; the first ${listedFlips} listed, all in --json` : ''}`,
    `${level}% intervals: ${method.interval}, ${method.resamples} resamples; sign-flip tests: ${method.permutations} permutations; seed ${method.seed}; Holm adjustment across ${method.adjusted_across ?? 'the k shown'}${method.clusters === null ? '' : `; ${method.clusters} clusters (${method.cluster_key ?? 'given'})`}`,
    ...((comparison.slices ?? []).some((slice) => slice.small)
      ? ['slices: (N) shared problems; * fewer than 30, read with care']
      : []),
    `MDD (minimum detectable difference, points): ${method.minimum_detectable_difference}`,
  ];
}
