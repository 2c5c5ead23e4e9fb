import { comparisonNotes, comparisonRows, flippedLabel, type RunComparison } from '@passk/core';
import { CHARTED_FLIPS, flippedChart } from './internal/comparison-charts.ts';
import { escapeHtml } from './internal/escape-html.ts';
import { forestChart } from './internal/forest-chart.ts';
import { renderPage } from './internal/page.ts';
import { chartFigure } from './internal/run-sections.ts';

/**
 * Renders a comparison (`compare()`, `passk compare --json`) as a self-contained HTML page:
 * per k the difference a − b with its interval as a forest plot and a table (p, Holm p,
 * test, minimum detectable difference; then per k and slice), the flipped problems as a chart and a table, the
 * method; the comparison embedded as JSON (`#passk-data`).
 *
 * @returns The page.
 */
export async function renderHtmlComparison(comparison: RunComparison): Promise<string> {
  const rows = Object.entries(comparison.k).map(([k, entry]) => ({
    label: `pass@${k}`,
    series: 'a − b',
    estimate: entry.difference,
    low: entry.ci_low,
    high: entry.ci_high,
  }));
  const [headings = [], ...tableRows] = comparisonRows(comparison);
  /** Every column but the metric and the test's name (index 7) is numeric. */
  const cell = (tag: 'th' | 'td', text: string, index: number) =>
    `<${tag}${index > 0 && index !== 7 ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const table = `<table data-table="comparison"><thead><tr>${headings
    .map((heading, index) => cell('th', heading, index))
    .join('')}</tr></thead><tbody>${tableRows
    .map((row) => `<tr>${row.map((text, index) => cell('td', text, index)).join('')}</tr>`)
    .join('')}</tbody></table>`;
  const notes = comparisonNotes(comparison);
  const flips = comparison.flipped;
  const towardA = flips.filter((flip) => flip.better === 'a').length;
  const flipTable = `<div class="table-scroll"><table data-table="flipped"><thead><tr><th>problem</th><th class="num">a</th><th class="num">b</th><th>better</th></tr></thead><tbody>${flips
    .map(
      (flip) =>
        `<tr><td>${escapeHtml(flippedLabel(flip))}</td><td class="num">${flip.a.c}/${flip.a.n}</td><td class="num">${flip.b.c}/${flip.b.n}</td><td>${flip.better}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;
  const names = { a: comparison.a.model, b: comparison.b.model };
  const sections = [
    {
      id: 'difference',
      title: 'Difference',
      body: [
        `<p>${escapeHtml(`a: ${comparison.a.model} (${comparison.a.directory})`)}<br>${escapeHtml(`b: ${comparison.b.model} (${comparison.b.directory})`)}<br>${escapeHtml(`${comparison.a.dataset} · ${comparison.shared_problems} shared problems · not shared: ${comparison.not_shared.only_a} only in a, ${comparison.not_shared.only_b} only in b`)}</p>`,
        rows.length > 0
          ? await chartFigure(
              'difference',
              forestChart(rows, { axisTitle: 'a − b', difference: true }),
            )
          : '',
        table,
        `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`,
      ].join('\n'),
    },
    {
      id: 'flipped',
      title: 'Flipped problems',
      body: [
        `<p>${escapeHtml(`${flips.length} problems flipped (${towardA} toward a, ${flips.length - towardA} toward b): ${comparison.method.flipped}`)}</p>`,
        flips.length > 0
          ? `${flips.length > CHARTED_FLIPS ? `<p class="muted">The ${CHARTED_FLIPS} largest changes drawn; all in the table.</p>` : ''}${await chartFigure('flipped', flippedChart(flips, names))}${flipTable}`
          : '',
      ].join('\n'),
    },
  ];
  return renderPage({
    title: `passk compare: ${comparison.a.model} vs ${comparison.b.model}`,
    subtitle: `${comparison.a.dataset} · ${comparison.shared_problems} shared problems`,
    sections,
    data: comparison,
  });
}
