import type { FlippedProblem } from '@passk/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.ts';

/** Problems drawn at most in the flipped-problems chart. */
export const CHARTED_FLIPS = 40;

/**
 * The flipped problems (largest change first, at most `CHARTED_FLIPS`): per problem, run a's
 * and run b's pass rates as two points joined by a line.
 */
export function flippedChart(
  flipped: readonly FlippedProblem[],
  names: { a: string; b: string },
): TopLevelSpec {
  const shown = flipped.slice(0, CHARTED_FLIPS);
  const order = shown.map((flip) => flip.task_id);
  const values = shown.flatMap((flip) => [
    { task: flip.task_id, run: `a: ${names.a}`, rate: flip.pass_rate_a },
    { task: flip.task_id, run: `b: ${names.b}`, rate: flip.pass_rate_b },
  ]);
  const y = { field: 'task', type: 'nominal' as const, sort: order, title: null };
  const x = {
    field: 'rate',
    type: 'quantitative' as const,
    title: 'pass rate',
    axis: { format: '.0%' },
    scale: { domain: [0, 1] },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: 420,
    height: Math.max(40, shown.length * 16),
    data: { values },
    layer: [
      { mark: { type: 'line', color: '#9ca3af' }, encoding: { x, y, detail: { field: 'task' } } },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: { x, y, color: { field: 'run', type: 'nominal', title: null } },
      },
    ],
  } as TopLevelSpec;
}

/** Pairwise differences as a matrix: row a, column b, colour a − b (points), text with p. */
export function pairwiseMatrixChart(
  cells: readonly { a: string; b: string; difference: number; p_adjusted: number }[],
  k: string,
): TopLevelSpec {
  const models = [...new Set(cells.flatMap((cell) => [cell.a, cell.b]))];
  const values = cells.flatMap((cell) => [
    { ...cell, label: label(cell.difference, cell.p_adjusted) },
    {
      a: cell.b,
      b: cell.a,
      difference: -cell.difference,
      p_adjusted: cell.p_adjusted,
      label: label(-cell.difference, cell.p_adjusted),
    },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: Math.max(160, models.length * 90),
    height: Math.max(80, models.length * 40),
    title: `pass@${k}: row − column (points); * p (Holm) < 0.05`,
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: models, title: null, axis: { labelAngle: -20 } },
      y: { field: 'a', type: 'nominal', sort: models, title: null },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'difference',
            type: 'quantitative',
            title: 'row − column',
            scale: { scheme: 'redblue', domainMid: 0 },
            legend: { format: '+.0%' },
          },
        },
      },
      { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}

function label(difference: number, pAdjusted: number): string {
  const points = (difference * 100).toFixed(1);
  return `${difference >= 0 ? '+' : ''}${points}${pAdjusted < 0.05 ? ' *' : ''}`;
}
