export { type AdaptiveGate, createAdaptiveGate, type GateOutcome } from './adaptive-gate.ts';
export { costOfUsage, maxInputTokens, worstCaseCostUsd } from './cost.ts';
export { type CostBudget, createCostBudget } from './cost-budget.ts';
export type { RunEvent, RunStopReason } from './events.ts';
export { judgeExecution, LIMIT_STATUSES } from './judge-execution.ts';
export {
  type GenerationPlan,
  type PlanGenerationInput,
  planGeneration,
} from './plan-generation.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-delay.ts';
export { type RunEvalOptions, type RunEvalOutcome, runEval } from './run-eval.ts';
export { truncateAtStop } from './truncate-at-stop.ts';
export { scoredJudgement } from './verdict-rule.ts';
