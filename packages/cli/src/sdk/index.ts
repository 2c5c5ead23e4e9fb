export {
  createQueueExecutor,
  DEFAULT_QUEUE_CONCURRENCY,
  type QueueExecutorOptions,
} from '../queue/create-queue-executor.ts';
export {
  type QueueWorker,
  startWorker,
  type WorkerOptions,
} from '../queue/start-worker.ts';
export { type CompareOptions, compare } from './compare.ts';
export { defineDataset, type HumanEvalDatasetDefinition } from './define-dataset.ts';
export { type DoctorCheck, doctor, isOptionalCheck } from './doctor.ts';
export { evaluate } from './evaluate.ts';
export {
  DEFAULT_MAX_TOKENS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ModelOptions,
  REASONING_EFFORTS,
} from './model-options.ts';
export { type ReportOptions, report } from './report.ts';
export { plan, run } from './run.ts';
export type { EvaluateOptions, RunOptions, SampleLine, ScoringOptions } from './run-options.ts';
export { type SelftestOptions, selftest } from './selftest.ts';
