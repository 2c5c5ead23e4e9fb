import {
  diversityTable,
  firstPassTable,
  NOT_IN_SUMMARY,
  passAtKTable,
  problemsTable,
  type RunReport,
  reportSlices,
  slicesTable,
} from '@passk/core';
import { curveChart } from './curve-chart.ts';
import { escapeHtml } from './escape-html.ts';
import { type ForestRow, forestChart } from './forest-chart.ts';
import { htmlTable } from './html-table.ts';
import { firstPassChart, orderChart } from './order-charts.ts';
import type { PageSection } from './page.ts';
import { problemGridChart } from './problem-grid-chart.ts';
import { renderVegaLiteSvg } from './vega-svg.ts';

/** A chart container: a `<figure>` holding the rendered SVG. */
export async function chartFigure(
  name: string,
  spec: Parameters<typeof renderVegaLiteSvg>[0],
): Promise<string> {
  return `<figure class="chart" data-chart="${escapeHtml(name)}">${await renderVegaLiteSvg(spec)}</figure>`;
}

const missing = (what: string) => `<p class="missing">${escapeHtml(what)}: ${NOT_IN_SUMMARY}</p>`;

/**
 * The views of one run: pass@k (table and curve), slices (table and forest plot), problems
 * (grid and sample view), order (in-order vs unbiased, first-pass histogram, pass^k) and
 * diversity. Section ids carry the run's index.
 *
 * @param options.curve False to leave the curve out (a leaderboard draws all runs' curves once).
 */
export async function runSections(
  run: RunReport,
  runIndex: number,
  options: { readonly curve?: boolean; readonly heading?: string } = {},
): Promise<PageSection[]> {
  const id = (name: string) => `run-${runIndex}-${name}`;
  const summary = run.summary;
  const recomputed = run.summary_recomputed
    ? '<p class="muted">This run has no summary.json (it was interrupted); the figures were computed from its results.</p>'
    : '';
  const overview = [
    recomputed,
    `<p>${escapeHtml(`${summary.dataset} · ${summary.problems} problems · ${summary.samples} samples (${summary.samples_per_problem.min === summary.samples_per_problem.max ? summary.samples_per_problem.min : `${summary.samples_per_problem.min}-${summary.samples_per_problem.max}`} per problem) · ${summary.infrastructure_failures} infrastructure faults not scored`)}</p>`,
    agentContainment(summary.agent),
    htmlTable(passAtKTable(run)),
    options.curve === false || run.curve.length === 0
      ? ''
      : `<h3>pass@k for k = 1..${run.curve.at(-1)?.k}</h3>${await chartFigure('curve', curveChart([run]))}`,
  ].join('\n');

  const slices = reportSlices(run);
  const slicesBody =
    slices === undefined
      ? missing('slices')
      : [
          htmlTable(slicesTable(run)),
          slices.length > 0
            ? await chartFigure('forest', forestChart(sliceRows(run), { axisTitle: 'pass@k' }))
            : '',
        ].join('\n');

  const gridBody = [
    `<p class="muted">One cell per problem, in benchmark order, coloured by its pass rate (grey: nothing scored). Select a cell to see its samples.</p>`,
    `<div class="grid-wrap"><figure class="chart" data-chart="grid">${await renderVegaLiteSvg(problemGridChart(run, runIndex))}</figure><div class="hover"></div></div>`,
    `<div class="sample-view" id="sample-view-${runIndex}" hidden></div>`,
    `<details><summary>Per-problem table</summary><div class="table-scroll">${htmlTable(problemsTable(run))}</div></details>`,
  ].join('\n');

  const firstPass = firstPassChart(run);
  const orderBody = [
    `<p class="muted">pass@k computed from the first k samples in the order they were generated, next to the unbiased estimate from all n; far apart, the order of sampling matters. pass^k: the chance that k samples all pass.</p>`,
    run.curve.length > 0 ? await chartFigure('order', orderChart(run)) : '',
    summary.pass_hat_k === undefined ? missing('pass^k') : '',
    `<h3>First passing sample</h3>`,
    firstPass ? await chartFigure('first-pass', firstPass) : missing('first-pass histogram'),
    firstPass
      ? `<details><summary>Histogram as a table</summary>${htmlTable(firstPassTable(run))}</details>`
      : '',
  ].join('\n');

  const diversityBody = summary.diversity ? htmlTable(diversityTable(run)) : missing('diversity');

  return [
    {
      id: id('pass-at-k'),
      title: 'pass@k',
      body: overview,
      ...(options.heading ? { before: options.heading } : {}),
    },
    { id: id('slices'), title: 'Slices', body: slicesBody },
    { id: id('problems'), title: 'Problems', body: gridBody },
    { id: id('order'), title: 'Order', body: orderBody },
    { id: id('diversity'), title: 'Diversity', body: diversityBody },
  ];
}

/**
 * An agent run's contained tool calls: stopped at a sandbox limit, and denied network or file
 * access (as the programs' output showed it); empty for other runs.
 */
function agentContainment(agent: RunReport['summary']['agent']): string {
  if (agent === undefined) return '';
  const access = agent.denied_access ?? { network: 0, filesystem: 0 };
  return `<p>${escapeHtml(`agent: ${agent.attempts} attempts · tool calls stopped at a sandbox limit: ${agent.contained_tool_calls ?? 0} · denied network access: ${access.network} · denied file access: ${access.filesystem}`)}</p>`;
}

function sliceRows(run: RunReport): ForestRow[] {
  return (reportSlices(run) ?? []).flatMap((slice) =>
    Object.entries(slice.pass_at_k).map(([k, value]) => ({
      label: `${slice.kind}: ${slice.value}${slice.small ? ' (small)' : ''}`,
      series: `pass@${k}`,
      estimate: value.estimate,
      low: value.ci_low,
      high: value.ci_high,
      faded: slice.small,
    })),
  );
}
