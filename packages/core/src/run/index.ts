export { type AdaptiveGate, createAdaptiveGate, type GateOutcome } from './adaptive-gate.ts';
export {
  AGENT_SYSTEM_PROMPT,
  AGENT_TOOLS,
  type AgentToolbox,
  agentTaskMessage,
  type CodeKind,
  checkToolArguments,
  checkVisibleTests,
  createAgentToolbox,
  DEFAULT_AGENT_SETTINGS,
  failedVisibleExample,
  offeredTools,
  readCandidate,
  runAgentAttempt,
  type VisibleCheck,
  type VisibleJudgement,
  visibleJudgementOf,
} from './agent/index.ts';
export { costOfUsage, maxInputTokens, worstCaseCostUsd } from './cost.ts';
export { type CostBudget, createCostBudget } from './cost-budget.ts';
export { createRunExecutor, type RunExecutorOptions } from './create-run-executor.ts';
export { checkDay, type DateWindow, problemDay, selectDateWindow } from './date-window.ts';
export type { RunEvent, RunStopReason } from './events.ts';
export { judgeExecution, LIMIT_STATUSES } from './judge-execution.ts';
export {
  DEFAULT_INFRASTRUCTURE_RETRIES,
  type JudgeProgramOptions,
  judgeProgram,
  type ProgramJob,
  type ProgramJudgement,
  programJob,
} from './judge-program.ts';
export { planEvaluation, type RunPlan } from './plan-evaluation.ts';
export {
  type GenerationPlan,
  type PlanGenerationInput,
  planGeneration,
} from './plan-generation.ts';
export { slug } from './prepare-run.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-delay.ts';
export { type RunEnvironment, type RunLogger, SILENT_LOGGER } from './run-environment.ts';
export { type RunOutcome, runEvaluation } from './run-evaluation.ts';
export type {
  ExecutorContext,
  RunEvaluationOptions,
  RunScope,
} from './run-evaluation-options.ts';
export { createRunHandle, type RunEventOf, type RunHandle } from './run-handle.ts';
export { type ProblemSelection, selectProblems } from './select-problems.ts';
export { truncateAtStop } from './truncate-at-stop.ts';
export { scoredJudgement } from './verdict-rule.ts';
