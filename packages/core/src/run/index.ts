export type { RunEvent } from './events.ts';
export { judgeExecution, LIMIT_STATUSES } from './judge-execution.ts';
export { type RunEvalOptions, type RunEvalOutcome, runEval } from './run-eval.ts';
export { truncateAtStop } from './truncate-at-stop.ts';
export { scoredJudgement } from './verdict-rule.ts';
