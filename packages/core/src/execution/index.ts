export type { ExecutorLogger } from './executor-logger.ts';
export {
  FORK_PROTOCOL,
  type ForkRequest,
  type ForkResponse,
} from './fork-protocol.ts';
export { createLocalExecutor } from './local-executor.ts';
export type { LocalExecutorOptions } from './local-executor-options.ts';
export { type ProbeOptions, type ProbeResult, probeCommand } from './probe-command.ts';
export { createStepEnvironment, STEP_PATH } from './step-environment.ts';
