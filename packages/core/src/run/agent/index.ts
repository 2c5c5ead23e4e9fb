export { AGENT_SYSTEM_PROMPT, agentPromptHash, agentTaskMessage } from './agent-prompt.ts';
export {
  type AgentToolbox,
  type AgentToolboxOptions,
  createAgentToolbox,
  RUN_CODE_TIMEOUT_MS,
  type ToolRun,
} from './agent-toolbox.ts';
export {
  AGENT_TOOLS,
  checkToolArguments,
  MAX_TOOL_CODE_CHARS,
  type ToolArguments,
} from './agent-tools.ts';
export {
  checkVisibleTests,
  type VisibleCheck,
  type VisibleJudgement,
  visibleJudgementOf,
} from './check-visible-tests.ts';
export {
  type AttemptRunnerOptions,
  createAttemptRunner,
  DEFAULT_AGENT_SETTINGS,
} from './create-attempt-runner.ts';
export { failedVisibleExample } from './failed-visible-example.ts';
export { type CodeKind, readCandidate } from './read-candidate.ts';
export {
  createTurnRequester,
  type TurnOutcome,
  type TurnRequest,
  type TurnRequesterOptions,
} from './request-turn.ts';
export { type AgentAttemptOptions, offeredTools, runAgentAttempt } from './run-agent-attempt.ts';
