import type { Config } from 'vega-lite';

/** Look shared by every chart of a report. */
export const CHART_CONFIG: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e5e7eb' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  view: { stroke: null },
};

/** The `$schema` of the specs (a name only: rendering loads nothing). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
