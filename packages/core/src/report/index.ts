export { buildLeaderboard } from './build-leaderboard.ts';
export { type BuildReportDataInput, buildReportData } from './build-report-data.ts';
export {
  buildRunReport,
  DEFAULT_MAX_CODE_CHARS,
  DEFAULT_MAX_TAIL_CHARS,
  type SampleTextLimits,
} from './build-run-report.ts';
export { type CompareRunsOptions, compareRuns } from './compare-runs.ts';
export { comparisonNotes, comparisonRows, flippedLabel } from './comparison-tables.ts';
export { leaderboardTable, pairwiseTable } from './leaderboard-tables.ts';
export { type PythonProgramFormsInput, pythonProgramForms } from './python-program-forms.ts';
export {
  COMPARISON_FORMATS,
  type ComparisonFormat,
  renderComparison,
} from './render-comparison.ts';
export { REPORT_TABLES, type ReportTableId, renderReport } from './render-report.ts';
export { type ReportTableFormat, renderReportTable } from './render-report-table.ts';
export { renderSummary, SUMMARY_FORMATS, type SummaryFormat } from './render-summary.ts';
export {
  type ColumnKind,
  columnHeading,
  formatCell,
  type ReportCell,
  type ReportColumn,
  type ReportTable,
} from './report-table.ts';
export {
  curveTable,
  diversityTable,
  firstPassTable,
  NOT_IN_SUMMARY,
  passAtKTable,
  problemsTable,
  reportSlices,
  runTables,
  slicesTable,
} from './run-tables.ts';
export { type SummarizeRunInput, summarizeRun } from './summarize-run.ts';
export { summaryOfRun } from './summary-of-run.ts';
