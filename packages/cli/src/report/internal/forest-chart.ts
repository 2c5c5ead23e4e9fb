import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.ts';

/** One row of a forest plot: a label and an estimate with its interval, for one series. */
export interface ForestRow {
  readonly label: string;
  readonly series: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Drawn faded (e.g. a small slice). */
  readonly faded?: boolean;
}

/**
 * A forest plot: per label, each series' estimate as a point on its interval as a line,
 * series side by side within a label; percent axis (or points, signed, with a rule at 0).
 */
export function forestChart(
  rows: readonly ForestRow[],
  options: { readonly axisTitle: string; readonly difference?: boolean },
): TopLevelSpec {
  const labels = [...new Set(rows.map((row) => row.label))];
  const series = [...new Set(rows.map((row) => row.series))];
  const height = Math.max(60, labels.length * Math.max(18, series.length * 12));
  const x = {
    field: 'estimate',
    type: 'quantitative' as const,
    title: options.axisTitle,
    axis: { format: options.difference ? '+.0%' : '.0%' },
    ...(options.difference ? {} : { scale: { domain: [0, 1] } }),
  };
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: labels };
  const yOffset = { field: 'series', type: 'nominal' as const, sort: series };
  const color = { field: 'series', type: 'nominal' as const, title: null, sort: series };
  const opacity = {
    condition: { test: 'datum.faded', value: 0.35 },
    value: 1,
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: 480,
    height,
    data: { values: rows.map((row) => ({ ...row, faded: row.faded ?? false })) },
    layer: [
      ...(options.difference
        ? [
            {
              mark: { type: 'rule' as const, color: '#6b7280', strokeDash: [4, 3] },
              encoding: { x: { datum: 0 } },
            },
          ]
        : []),
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, yOffset, color, opacity },
      },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: { x, y, yOffset, color, opacity },
      },
    ],
  } as TopLevelSpec;
}
