import type { RunComparison } from '../spec/comparison.ts';
import { comparisonNotes, comparisonRows, flippedLabel } from './comparison-tables.ts';
import { alignTable } from './render-summary.ts';

/** Output formats of `renderComparison` (JSON is the comparison itself). */
export type ComparisonFormat = 'table' | 'markdown';

/** Every format `renderComparison` accepts. */
export const COMPARISON_FORMATS: readonly ComparisonFormat[] = ['table', 'markdown'];

/** Problems listed by name in the text formats; the rest are counted. */
const LISTED_FLIPS = 20;

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
  const rows = comparisonRows(comparison);
  const flips = comparison.flipped;
  const flipRows = [
    ['flipped problem', 'a pass rate', 'b pass rate', 'better'],
    ...flips
      .slice(0, LISTED_FLIPS)
      .map((flip) => [
        flippedLabel(flip),
        `${flip.a.c}/${flip.a.n}`,
        `${flip.b.c}/${flip.b.n}`,
        flip.better,
      ]),
  ];
  const notes = comparisonNotes(comparison, LISTED_FLIPS);
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
