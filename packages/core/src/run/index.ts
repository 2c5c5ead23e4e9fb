export type { RunEvent } from './events.ts';
export { type RunEvalOptions, type RunEvalOutcome, runEval } from './run-eval.ts';
export { truncateAtStop } from './truncate-at-stop.ts';
