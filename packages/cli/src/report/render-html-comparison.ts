import type { RunComparison } from '@passk/core';
import { CHARTED_FLIPS, flippedChart } from './internal/comparison-charts.ts';
import { escapeHtml } from './internal/escape-html.ts';
import { forestChart } from './internal/forest-chart.ts';
import { renderPage } from './internal/page.ts';
import { chartFigure } from './internal/run-sections.ts';

const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`;
const percent = (value: number) => (value * 100).toFixed(1);
const pValue = (value: number) => (value < 0.0001 ? '<0.0001' : value.toFixed(4));

/**
 * Renders a comparison (`compare()`, `passk compare --json`) as a self-contained HTML page:
 * per k the difference a − b with its interval as a forest plot and a table (p, Holm p,
 * test, minimum detectable difference), the flipped problems as a chart and a table, the
 * method; the comparison embedded as JSON (`#passk-data`).
 *
 * @returns The page.
 */
export async function renderHtmlComparison(comparison: RunComparison): Promise<string> {
  const level = Math.round(comparison.method.level * 100);
  const rows = Object.entries(comparison.k).map(([k, entry]) => ({
    label: `pass@${k}`,
    series: 'a − b',
    estimate: entry.difference,
    low: entry.ci_low,
    high: entry.ci_high,
  }));
  const table = `<table data-table="comparison"><thead><tr>${[
    'metric',
    'a %',
    'b %',
    'a − b (points)',
    `${level}% CI`,
    'p',
    'p (Holm)',
    'test',
    'MDD (points)',
  ]
    .map(
      (heading, index) =>
        `<th${index > 0 && index !== 7 ? ' class="num"' : ''}>${escapeHtml(heading)}</th>`,
    )
    .join('')}</tr></thead><tbody>${Object.entries(comparison.k)
    .map(
      ([k, entry]) =>
        `<tr>${[
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
        ]
          .map(
            (cell, index) =>
              `<td${index > 0 && index !== 7 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  const notes = [
    ...comparison.excluded_k.map((entry) => `pass@${entry.k} not compared: ${entry.reason}`),
    `${level}% intervals: ${comparison.method.interval}, ${comparison.method.resamples} resamples; sign-flip tests: ${comparison.method.permutations} permutations; seed ${comparison.method.seed}; Holm adjustment across the k shown${comparison.method.clusters === null ? '' : `; ${comparison.method.clusters} clusters`}`,
    `MDD: ${comparison.method.minimum_detectable_difference}`,
  ];
  const flips = comparison.flipped;
  const towardA = flips.filter((flip) => flip.better === 'a').length;
  const flipTable = `<div class="table-scroll"><table data-table="flipped"><thead><tr><th>problem</th><th class="num">a</th><th class="num">b</th><th>better</th></tr></thead><tbody>${flips
    .map(
      (flip) =>
        `<tr><td>${escapeHtml(flip.task_id)}</td><td class="num">${flip.a.c}/${flip.a.n}</td><td class="num">${flip.b.c}/${flip.b.n}</td><td>${flip.better}</td></tr>`,
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
