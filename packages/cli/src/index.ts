export {
  type Dataset,
  defineLanguage,
  defineProvider,
  type InlineDatasetDefinition,
  type Language,
  type Problem,
  type Program,
  type Provider,
  type Registry,
  type ReportData,
  type RunComparison,
  type RunEvent,
  type RunEventOf,
  type RunHandle,
  type RunLogger,
  type RunOutcome,
  type RunPlan,
  type RunStopReason,
  type RunSummary,
} from '@passk/core';
export { createBuiltinRegistry } from './builtin-registry.ts';
export type { CommandIo } from './io.ts';
export { COMMANDS, main } from './main.ts';
export { renderHtmlComparison } from './report/render-html-comparison.ts';
export { renderHtmlReport } from './report/render-html-report.ts';
export {
  type CompareOptions,
  compare,
  createQueueExecutor,
  DEFAULT_MAX_TOKENS,
  DEFAULT_QUEUE_CONCURRENCY,
  DEFAULT_REQUEST_TIMEOUT_MS,
  defineDataset,
  type EvaluateOptions,
  evaluate,
  type HumanEvalDatasetDefinition,
  type ModelOptions,
  plan,
  type QueueExecutorOptions,
  type QueueWorker,
  REASONING_EFFORTS,
  type ReportOptions,
  type RunOptions,
  report,
  run,
  type SampleLine,
  type ScoringOptions,
  startWorker,
  type WorkerOptions,
} from './sdk/index.ts';
export { PASSK_VERSION } from './version.ts';
