export { renderSummary, SUMMARY_FORMATS, type SummaryFormat } from './render-summary.ts';
export { type SummarizeRunInput, summarizeRun } from './summarize-run.ts';
