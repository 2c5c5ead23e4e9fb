import type { RunReport } from '@passk/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.ts';

/** The link a grid cell opens: `#problem-<run>-<problem>`, read by the page script. */
export function problemAnchor(runIndex: number, problemIndex: number): string {
  return `#problem-${runIndex}-${problemIndex}`;
}

/**
 * One cell per problem in benchmark order, coloured by pass rate (red 0% → green 100%, grey
 * when nothing was scored); each cell links to `problemAnchor`, and its ARIA label names the
 * task and its counts.
 */
export function problemGridChart(run: RunReport, runIndex: number): TopLevelSpec {
  const count = run.problems.length;
  const columns = Math.max(10, Math.min(60, Math.ceil(Math.sqrt(count * 3))));
  const cell = columns > 30 ? 14 : 22;
  const values = run.problems.map((problem, index) => ({
    column: index % columns,
    row: Math.floor(index / columns),
    task: problem.task_id,
    rate: problem.n > 0 ? problem.c / problem.n : 0,
    scored: problem.n > 0,
    label: `${problem.task_id}: ${problem.c}/${problem.n} passed${firstPassing(problem)}`,
    href: problemAnchor(runIndex, index),
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    width: columns * cell,
    height: Math.max(1, Math.ceil(count / columns)) * cell,
    data: { values },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 1, cursor: 'pointer' },
    encoding: {
      x: { field: 'column', type: 'ordinal', axis: null },
      y: { field: 'row', type: 'ordinal', axis: null },
      color: {
        condition: { test: '!datum.scored', value: '#d1d5db' },
        field: 'rate',
        type: 'quantitative',
        title: 'pass rate',
        scale: { domain: [0, 1], scheme: 'redyellowgreen' },
        legend: { format: '.0%' },
      },
      href: { field: 'href' },
      description: { field: 'label' },
    },
  };
}

/** `, first: #<sample index>` of the first passing sample, or nothing. */
function firstPassing(problem: RunReport['problems'][number]): string {
  const sample = problem.samples.find((candidate) => candidate.passed);
  return sample === undefined ? '' : `, first: #${sample.index}`;
}
