import { UsageError } from '../errors/usage-error.ts';
import type { ReportData, RunReport } from '../spec/report.ts';
import { leaderboardTable, pairwiseTable } from './leaderboard-tables.ts';
import { csvWithoutHeader, renderReportTable } from './render-report-table.ts';
import { renderSummary, type SummaryFormat } from './render-summary.ts';
import type { ReportTable } from './report-table.ts';
import {
  curveTable,
  diversityTable,
  firstPassTable,
  passAtKTable,
  problemsTable,
  slicesTable,
} from './run-tables.ts';

/** Tables `renderReport` can give as CSV (`--table`). */
export const REPORT_TABLES = [
  'summary',
  'pass-at-k',
  'curve',
  'slices',
  'first-pass',
  'diversity',
  'problems',
  'leaderboard',
  'pairwise',
] as const;

/** One of `REPORT_TABLES`. */
export type ReportTableId = (typeof REPORT_TABLES)[number];

const RUN_TABLES: Readonly<Record<string, (run: RunReport) => ReportTable>> = {
  'pass-at-k': passAtKTable,
  curve: curveTable,
  slices: slicesTable,
  'first-pass': firstPassTable,
  diversity: diversityTable,
  problems: problemsTable,
};

/**
 * Renders report data as text, the same tables the HTML report shows.
 *
 * - One run: `table` and `json` are the run's summary as `renderSummary` gives them;
 *   `markdown` adds pass@k with pass^k, slices, the first-pass histogram, diversity and the
 *   per-problem table; `csv` gives one table (`table` option, default `summary`: the summary's
 *   `scope,k,estimate,ci_low,ci_high` rows).
 * - Several runs: the leaderboard and the pairwise comparisons first (`table`), then each
 *   run's tables (`markdown`); `json` gives `{ format_version, passk_version, runs: [{ directory,
 *   model, summary }], leaderboard }`; `csv` defaults to the leaderboard, and a per-run table
 *   has every run's rows under one header with a leading `run` column.
 *
 * @throws UsageError for an unknown or inapplicable `table`.
 */
export function renderReport(
  data: ReportData,
  format: SummaryFormat,
  options: { readonly table?: ReportTableId } = {},
): string {
  const [only] = data.runs;
  if (!only) throw new UsageError({ message: 'a report needs at least one run' });
  const several = data.runs.length > 1;
  if (options.table !== undefined && format !== 'csv') {
    throw new UsageError({ message: '--table applies to --format csv only' });
  }
  switch (format) {
    case 'json':
      return several
        ? `${JSON.stringify(
            {
              format_version: data.format_version,
              passk_version: data.passk_version,
              runs: data.runs.map((run) => ({
                directory: run.directory,
                model: run.model,
                summary: run.summary,
              })),
              leaderboard: data.leaderboard,
            },
            null,
            2,
          )}\n`
        : renderSummary(only.summary, 'json');
    case 'table':
      return several ? leaderboardText(data, 'table') : renderSummary(only.summary, 'table');
    case 'markdown':
      return several
        ? [
            leaderboardText(data, 'markdown'),
            ...data.runs.map((run) => `## ${run.model} (${run.directory})\n\n${runMarkdown(run)}`),
          ].join('\n')
        : `${renderSummary(only.summary, 'markdown')}\n${runMarkdown(only)}`;
    case 'csv':
      return renderCsv(data, options.table ?? (several ? 'leaderboard' : 'summary'));
  }
}

function runMarkdown(run: RunReport): string {
  return [passAtKTable, slicesTable, firstPassTable, diversityTable, problemsTable]
    .map((table) => renderReportTable(table(run), 'markdown'))
    .join('');
}

function leaderboardText(data: ReportData, format: 'table' | 'markdown'): string {
  return [leaderboardTable(data), pairwiseTable(data)]
    .flatMap((table) => (table ? [renderReportTable(table, format)] : []))
    .join(format === 'markdown' ? '' : '\n');
}

function renderCsv(data: ReportData, table: ReportTableId): string {
  const several = data.runs.length > 1;
  if (table === 'summary') {
    if (several) {
      throw new UsageError({
        message: `--table summary takes one run; with several runs use --table ${REPORT_TABLES.filter((id) => id !== 'summary').join(', ')}`,
      });
    }
    return renderSummary((data.runs[0] as RunReport).summary, 'csv');
  }
  if (table === 'leaderboard' || table === 'pairwise') {
    const rendered = table === 'leaderboard' ? leaderboardTable(data) : pairwiseTable(data);
    if (!rendered) {
      throw new UsageError({ message: `--table ${table} needs two runs or more` });
    }
    return renderReportTable(rendered, 'csv');
  }
  const build = RUN_TABLES[table] as (run: RunReport) => ReportTable;
  return data.runs
    .map((run, index) => {
      const text = renderReportTable(build(run), 'csv', [{ name: 'run', value: run.directory }]);
      return index === 0 ? text : csvWithoutHeader(text);
    })
    .join('');
}
