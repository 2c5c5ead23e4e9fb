export { type CompareRunsOptions, compareRuns } from './compare-runs.ts';
export {
  COMPARISON_FORMATS,
  type ComparisonFormat,
  renderComparison,
} from './render-comparison.ts';
export { renderSummary, SUMMARY_FORMATS, type SummaryFormat } from './render-summary.ts';
export { type SummarizeRunInput, summarizeRun } from './summarize-run.ts';
