import type { RunReport } from '@passk/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.ts';
import { bandEncoding, kAxis } from './curve-chart.ts';

const UNBIASED = 'pass@k (unbiased)';
const IN_ORDER = 'pass@k in generation order';
const PASS_HAT = 'pass^k (all k pass)';

/**
 * pass@k in generation order (the first k samples) next to the unbiased estimate with its
 * band, over k; pass^k at the summary's k as points when the summary has it.
 */
export function orderChart(run: RunReport): TopLevelSpec {
  const values = [
    ...run.curve.map((point) => ({
      k: point.k,
      series: UNBIASED,
      value: point.estimate,
      low: point.ci_low,
      high: point.ci_high,
    })),
    ...run.curve.flatMap((point) =>
      point.in_order === undefined ? [] : [{ k: point.k, series: IN_ORDER, value: point.in_order }],
    ),
    ...Object.entries(run.summary.pass_hat_k ?? {}).map(([k, value]) => ({
      k: Number(k),
      series: PASS_HAT,
      value,
    })),
  ];
  const x = kAxis(Math.max(1, ...values.map((value) => value.k)), 'k');
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [UNBIASED, IN_ORDER, PASS_HAT], range: ['#2563eb', '#f59e0b', '#7c3aed'] },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: 480,
    height: 240,
    data: { values },
    layer: [
      {
        transform: [{ filter: `datum.series === '${UNBIASED}'` }],
        mark: { type: 'area', opacity: 0.15 },
        encoding: bandEncoding(x, color, 'share of problems'),
      },
      {
        transform: [{ filter: `datum.series !== '${PASS_HAT}'` }],
        mark: { type: 'line' },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, color },
      },
      {
        transform: [{ filter: `datum.series === '${PASS_HAT}'` }],
        mark: { type: 'point', filled: true, size: 70, shape: 'diamond' },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, color },
      },
    ],
  } as TopLevelSpec;
}

/**
 * How many problems were first solved at each sample index (0-based), and how many never,
 * from the summary's `first_pass`; undefined when the summary lacks it.
 */
export function firstPassChart(run: RunReport): TopLevelSpec | undefined {
  const firstPass = run.summary.first_pass;
  if (!firstPass) return undefined;
  const indices = Object.keys(firstPass.histogram)
    .map(Number)
    .sort((x, y) => x - y);
  const order = [...indices.map(String), 'never'];
  const values = [
    ...indices.map((index) => ({
      index: String(index),
      problems: firstPass.histogram[String(index)] ?? 0,
      never: false,
    })),
    { index: 'never', problems: firstPass.never, never: true },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: Math.max(200, Math.min(720, order.length * 14)),
    height: 200,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'index',
        type: 'ordinal',
        sort: order,
        title: 'index of the first passing sample',
        axis: { labelAngle: 0, labelOverlap: true },
      },
      y: { field: 'problems', type: 'quantitative', title: 'problems' },
      color: {
        field: 'never',
        type: 'nominal',
        scale: { domain: [false, true], range: ['#2563eb', '#9ca3af'] },
        legend: null,
      },
    },
  };
}
