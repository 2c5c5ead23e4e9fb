import { UsageError } from '../../errors/usage-error.ts';
import type { AgentSettings } from '../../spec/agent.ts';
import type { Dataset } from '../../spec/dataset.ts';
import type { Executor } from '../../spec/executor.ts';
import type { Language, ToolchainInfo } from '../../spec/language.ts';
import type { Problem } from '../../spec/problem.ts';
import type { Provider, SamplingParameters } from '../../spec/provider.ts';
import type { SampleOutcome } from '../generate-sample.ts';
import {
  type AgentToolbox,
  type AgentToolboxOptions,
  createAgentToolbox,
} from './agent-toolbox.ts';
import { createTurnRequester, type TurnRequesterOptions } from './request-turn.ts';
import { runAgentAttempt } from './run-agent-attempt.ts';
import { runCommandAttempt } from './run-command-attempt.ts';

/** Defaults of the agent budgets (`--max-turns`, `--max-tool-calls`, `--attempt-timeout`). */
export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
  maxTurns: 10,
  maxToolCalls: 20,
  attemptTimeoutMs: 600_000,
};

/** Everything `createAttemptRunner` needs, besides the turn requester's options. */
export interface AttemptRunnerOptions extends Omit<TurnRequesterOptions, 'provider'> {
  readonly provider: Provider;
  readonly settings: AgentSettings;
  readonly dataset: Dataset;
  readonly language: (id: string) => Language;
  readonly toolchains: ReadonlyMap<string, ToolchainInfo>;
  readonly executor: Executor;
  readonly sampling: SamplingParameters;
  readonly timeoutFactor?: number;
  /** Judges visible-tests programs (`AgentToolboxOptions.judge`); default `judgeProgram`. */
  readonly judgeVisible?: AgentToolboxOptions['judge'];
}

/**
 * Returns a function producing the sample of (problem, attempt index) by running an agent
 * attempt (`runAgentAttempt`), with the same shape as one-shot generation. Attempt i is
 * sampled with seed `seed + i`; each problem's toolbox is made once. A provider with
 * `agentCommand` (`--model command:`) runs that program per attempt instead
 * (`runCommandAttempt`). Throws `UsageError` when the provider cannot call tools (no
 * `respond`).
 */
export function createAttemptRunner(
  options: AttemptRunnerOptions,
): (problem: Problem, sampleIndex: number) => Promise<SampleOutcome> {
  const { provider } = options;
  if (provider.agentCommand !== undefined)
    return createCommandAttemptRunner(options, provider.agentCommand);
  if (typeof provider.respond !== 'function') {
    throw new UsageError({
      message: `--agent needs a model that calls tools; --model ${provider.id} does not (use an openai:, anthropic:, google:, openai-compatible: or ollama: model, or demo)`,
    });
  }
  const toolboxOf = toolboxesOf(options);
  const requestTurn = createTurnRequester({
    ...options,
    provider: provider as Provider & Required<Pick<Provider, 'respond'>>,
  });
  return (problem, sampleIndex) => {
    const toolbox = toolboxOf(problem);
    const sampling =
      options.sampling.seed === undefined
        ? options.sampling
        : { ...options.sampling, seed: options.sampling.seed + sampleIndex };
    return runAgentAttempt({
      problem,
      sampleIndex,
      sampling,
      settings: options.settings,
      toolbox,
      requestTurn,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };
}

/**
 * The attempts of an agent program (`--model command:`): `runCommandAttempt` per (problem,
 * attempt i), seeded `seed + i`, with the problem's visible tests and toolbox, through the
 * run's gate.
 */
function createCommandAttemptRunner(
  options: AttemptRunnerOptions,
  executable: string,
): (problem: Problem, sampleIndex: number) => Promise<SampleOutcome> {
  const toolboxOf = toolboxesOf(options);
  return async (problem, sampleIndex) => {
    const visible = options.dataset.visibleTests?.(problem);
    const seed = options.sampling.seed;
    // As many programs at once as model requests (`--concurrency`).
    try {
      await options.gate.acquire(options.signal);
    } catch {
      return { stopped: 'aborted' };
    }
    try {
      return await runCommandAttempt({
        executable,
        problem,
        sampleIndex,
        ...(seed === undefined ? {} : { seed: seed + sampleIndex }),
        settings: options.settings,
        extension: options.language(problem.language).extension,
        ...(visible ? { visible } : {}),
        toolbox: toolboxOf(problem),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } finally {
      options.gate.release({});
    }
  };
}

/** Each problem's toolbox, made once. */
function toolboxesOf(options: AttemptRunnerOptions): (problem: Problem) => AgentToolbox {
  const toolboxes = new WeakMap<Problem, AgentToolbox>();
  return (problem) => {
    let toolbox = toolboxes.get(problem);
    if (!toolbox) {
      toolbox = createAgentToolbox({
        dataset: options.dataset,
        problem,
        language: options.language(problem.language),
        toolchain: options.toolchains.get(problem.language) ?? {
          available: false,
          problem: 'not detected',
        },
        executor: options.executor,
        ...(options.timeoutFactor === undefined ? {} : { timeoutFactor: options.timeoutFactor }),
        ...(options.judgeVisible ? { judge: options.judgeVisible } : {}),
      });
      toolboxes.set(problem, toolbox);
    }
    return toolbox;
  };
}
