export type { ExecutorLogger } from './executor-logger.ts';
export {
  FORK_PROTOCOL,
  type ForkRequest,
  type ForkResponse,
} from './fork-protocol.ts';
export { createLocalExecutor } from './local-executor.ts';
export type { LocalExecutorOptions } from './local-executor-options.ts';
export { type ProbeOptions, type ProbeResult, probeCommand } from './probe-command.ts';
export {
  type AgentCommandLaunch,
  type AgentCommandOutcome,
  runAgentCommand,
} from './run-agent-command.ts';
export {
  DEFAULT_SANDBOX_UID_BASE,
  DEFAULT_SHARED_GROUP_ID,
  DEFAULT_WORK_AREA_BYTES,
} from './sandbox/prepare-sandbox.ts';
export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PROCESSES } from './sandbox/resource-limits.ts';
export { SANDBOX_MODES, type SandboxMode } from './sandbox/sandbox-mode.ts';
export { createStepEnvironment, STEP_PATH } from './step-environment.ts';
