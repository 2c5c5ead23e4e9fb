import type { RunReport } from '@passk/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.ts';

/**
 * pass@k against k (1 .. n) for one run or several: the unbiased estimate as a line over its
 * bootstrap interval as a band, one colour per run; k on a log scale from n = 20 up.
 */
export function curveChart(runs: readonly RunReport[]): TopLevelSpec {
  const values = runs.flatMap((run) =>
    run.curve.map((point) => ({
      run: run.model,
      k: point.k,
      estimate: point.estimate,
      low: point.ci_low,
      high: point.ci_high,
    })),
  );
  const maxK = Math.max(1, ...values.map((value) => value.k));
  const x = kAxis(maxK, 'k (samples allowed)');
  const color = {
    field: 'run',
    type: 'nominal' as const,
    title: 'model',
    legend: runs.length > 1 ? {} : null,
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: 560,
    height: 280,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: bandEncoding(x, color, 'pass@k'),
      },
      ...(maxK <= 20
        ? [
            {
              mark: { type: 'rule' as const },
              encoding: {
                x,
                y: { field: 'low', type: 'quantitative' as const },
                y2: { field: 'high' },
                color,
              },
            },
          ]
        : []),
      {
        mark: { type: 'line', point: maxK <= 20 },
        encoding: {
          x,
          y: { field: 'estimate', type: 'quantitative' },
          color,
        },
      },
    ],
  };
}

/**
 * The k axis: log from k = 20 up; otherwise linear from 1 to the largest k (0 to 2 around a
 * single k = 1, so that its point is not on the edge).
 */
export function kScale(maxK: number) {
  if (maxK >= 20) return { type: 'log' as const };
  return maxK === 1 ? { domain: [0, 2] } : { domain: [1, maxK] };
}

/** The x encoding of a chart over k, from 1 to `maxK` (see {@link kScale}). */
export function kAxis(maxK: number, title: string) {
  return {
    field: 'k',
    type: 'quantitative' as const,
    title,
    scale: kScale(maxK),
    axis: { tickMinStep: 1, format: 'd' },
  };
}

/** The encoding of a bootstrap band (`low` to `high`) over `x`, on a y axis of fractions titled `title`. */
export function bandEncoding<X, C>(x: X, color: C, title: string) {
  return {
    x,
    y: {
      field: 'low',
      type: 'quantitative' as const,
      title,
      axis: { format: '.0%' },
      scale: { domain: [0, 1] },
    },
    y2: { field: 'high' },
    color,
  };
}
