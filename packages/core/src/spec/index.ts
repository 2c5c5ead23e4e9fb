export type {
  AgentAttemptRecord,
  AgentCommandRecord,
  AgentEndReason,
  AgentMessage,
  AgentSettings,
  AgentToolCall,
  AgentToolName,
  AgentToolSpec,
  AgentTranscriptEntry,
  AgentTurn,
  AgentTurnRequest,
  DeniedAccess,
} from './agent.ts';
export type {
  ComparedRun,
  ComparisonMethod,
  FlippedProblem,
  PairedDifference,
  RunComparison,
  SliceComparison,
} from './comparison.ts';
export { COMPARISON_FORMAT_VERSION } from './comparison.ts';
export type { DataContext, DataFileSpec, Dataset, LoadedDataset } from './dataset.ts';
export type {
  ExecutionJob,
  ExecutionLimits,
  ExecutionOrigin,
  ExecutionResult,
  Executor,
  ExecutorWorker,
  JobFile,
  ResourceLimit,
  Step,
  StepMount,
  StepResult,
  StepServer,
} from './executor.ts';
export type { DetectContext, Language, StepOptions, ToolchainInfo } from './language.ts';
export type { Problem, ProblemMetadata } from './problem.ts';
export type { BuiltinJudgeId, Candidate, JudgeId, Program, ProgramFile } from './program.ts';
export type {
  ChatMessage,
  Extraction,
  Generation,
  GenerationRequest,
  ModelPrice,
  ModelPrompt,
  PromptFormat,
  PromptMode,
  Provider,
  ProviderCapabilities,
  ProviderErrorClass,
  ProviderFailure,
  RateLimitInfo,
  ReasoningEffort,
  SamplingParameters,
  TokenUsage,
} from './provider.ts';
export type {
  Leaderboard,
  LeaderboardPair,
  PassAtKCurvePoint,
  ProblemReport,
  ReportData,
  ReportSlice,
  RunReport,
  SampleReport,
  SummaryStatistics,
} from './report.ts';
export { REPORT_FORMAT_VERSION } from './report.ts';
export type {
  PassAtKEstimate,
  ProblemSlicing,
  ResultRecord,
  RunAgentSummary,
  RunDiversity,
  RunGenerationSummary,
  RunManifest,
  RunSlice,
  RunSummary,
  SampleRecord,
} from './run.ts';
export { RUN_FORMAT_VERSION, SMALL_SLICE_PROBLEMS } from './run.ts';
export type { Judgement, Verdict, VerdictRule, VerdictStatus } from './verdict.ts';
export {
  CPU_BOUND_FRACTION,
  INFRASTRUCTURE_STATUSES,
  isCpuBound,
  VERDICT_RULES,
  VERDICT_STATUSES,
} from './verdict.ts';
export type { VisibleExample, VisibleTestSet } from './visible-tests.ts';
