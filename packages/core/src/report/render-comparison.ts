import type { RunComparison } from '../spec/comparison.ts';
import { alignTable } from './render-summary.ts';

/** Output formats of `renderComparison` (JSON is the comparison itself). */
export type ComparisonFormat = 'table' | 'markdown';

/** Every format `renderComparison` accepts. */
export const COMPARISON_FORMATS: readonly ComparisonFormat[] = ['table', 'markdown'];

/** Problems listed by name in the text formats; the rest are counted. */
const LISTED_FLIPS = 20;

const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`;
const percent = (value: number) => (value * 100).toFixed(1);
const pValue = (value: number) => (value < 0.0001 ? '<0.0001' : value.toFixed(4));

/**
 * Renders a comparison for people: the runs, one row per k (a %, b %, difference in points
 * with its interval, p, Holm-adjusted p, minimum detectable difference), then one per k and
 * slice, the flipped problems and the method.
 *
 * @param comparison The result of `compareRuns`.
 * @param format `table` (plain text) or `markdown`.
 * @returns The text, ending with a newline.
 */
export function renderComparison(comparison: RunComparison, format: ComparisonFormat): string {
  const level = Math.round(comparison.method.level * 100);
  const rows = [
    ['metric', 'a %', 'b %', 'a - b (points)', `${level}% CI`, 'p', 'p (Holm)', 'test', 'MDD'],
    ...Object.entries(comparison.k).map(([k, entry]) => [
      `pass@${k}`,
      percent(entry.estimate_a),
      percent(entry.estimate_b),
      points(entry.difference),
      `[${points(entry.ci_low)}, ${points(entry.ci_high)}]`,
      pValue(entry.p_value),
      pValue(entry.p_adjusted),
      entry.test,
      entry.minimum_detectable_difference === null
        ? '-'
        : percent(entry.minimum_detectable_difference),
    ]),
    ...(comparison.slices ?? []).flatMap((slice) =>
      Object.entries(slice.k).map(([k, entry]) => [
        `pass@${k} ${slice.kind}: ${slice.value} (${slice.shared_problems}${slice.small ? '*' : ''})`,
        percent(entry.estimate_a),
        percent(entry.estimate_b),
        points(entry.difference),
        `[${points(entry.ci_low)}, ${points(entry.ci_high)}]`,
        pValue(entry.p_value),
        pValue(entry.p_adjusted),
        entry.test,
        entry.minimum_detectable_difference === null
          ? '-'
          : percent(entry.minimum_detectable_difference),
      ]),
    ),
  ];
  const flips = comparison.flipped;
  const flipRows = [
    ['flipped problem', 'a pass rate', 'b pass rate', 'better'],
    ...flips
      .slice(0, LISTED_FLIPS)
      .map((flip) => [
        flip.language === undefined ? flip.task_id : `${flip.task_id} (${flip.language})`,
        `${flip.a.c}/${flip.a.n}`,
        `${flip.b.c}/${flip.b.n}`,
        flip.better,
      ]),
  ];
  const towardA = flips.filter((flip) => flip.better === 'a').length;
  const notes = [
    ...comparison.excluded_k.map((entry) => `pass@${entry.k} not compared: ${entry.reason}`),
    `${flips.length} problems flipped (${towardA} toward a, ${flips.length - towardA} toward b): ${comparison.method.flipped}${flips.length > LISTED_FLIPS ? `; the first ${LISTED_FLIPS} listed, all in --json` : ''}`,
    `${level}% intervals: ${comparison.method.interval}, ${comparison.method.resamples} resamples; sign-flip tests: ${comparison.method.permutations} permutations; seed ${comparison.method.seed}; Holm adjustment across ${comparison.method.adjusted_across ?? 'the k shown'}${comparison.method.clusters === null ? '' : `; ${comparison.method.clusters} clusters (${comparison.method.cluster_key ?? 'given'})`}`,
    ...((comparison.slices ?? []).some((slice) => slice.small)
      ? ['slices: (N) shared problems; * fewer than 30, read with care']
      : []),
    `MDD (minimum detectable difference, points): ${comparison.method.minimum_detectable_difference}`,
  ];
  const header = `a: ${comparison.a.model} (${comparison.a.directory})\nb: ${comparison.b.model} (${comparison.b.directory})\n${comparison.a.dataset} · ${comparison.shared_problems} shared problems · not shared: ${comparison.not_shared.only_a} only in a, ${comparison.not_shared.only_b} only in b`;
  if (format === 'markdown') {
    const table = (lines: string[][]) =>
      [
        `| ${(lines[0] as string[]).join(' | ')} |`,
        `|${(lines[0] as string[]).map(() => ' --- ').join('|')}|`,
        ...lines.slice(1).map((line) => `| ${line.join(' | ')} |`),
      ].join('\n');
    return [
      ...header.split('\n').map((line) => `**${line}**  `),
      '',
      table(rows),
      '',
      ...(flips.length > 0 ? [table(flipRows), ''] : []),
      ...notes.map((line) => `- ${line}`),
      '',
    ].join('\n');
  }
  return [
    header,
    '',
    alignTable(rows),
    '',
    ...(flips.length > 0 ? [alignTable(flipRows), ''] : []),
    ...notes,
    '',
  ].join('\n');
}
