import { basename } from 'node:path';
import {
  DEFAULT_AGENT_SETTINGS,
  planEvaluation,
  type RunEvaluationOptions,
  type RunHandle,
  type RunOutcome,
  type RunPlan,
  selectProblems,
  slug,
  UsageError,
} from '@passk/core';
import type { ReplayProvider } from '@passk/providers';
import { dateWindow } from './date-window-of.ts';
import { DEFAULT_MAX_TOKENS } from './model-options.ts';
import { resolveModel } from './resolve-model.ts';
import type { RunOptions } from './run-options.ts';
import { check, checkPositive, scoringSettings } from './scoring-settings.ts';
import { startEvaluation } from './start-evaluation.ts';

/**
 * Generates samples with a model and scores them: what `passk run` does, with the same
 * defaults, files and resume semantics (the same call again resumes the run in its
 * directory; a larger `n` tops it up). Returns at once a handle that is a promise of the
 * outcome (`{ summary, directory, stopReason }`, `summary` being what `summary.json` holds),
 * with typed events (`handle.on('progress', …)`, `handle.events()`) and `handle.abort()`.
 *
 * The handle rejects with a `PasskError` for bad options (`UsageError`), unknown ids
 * (`UnknownIdError`), bad data and missing credentials; a stopped run resolves with
 * `completed: false` and its `stopReason`.
 */
export function run(options: RunOptions): RunHandle<RunOutcome> {
  return startEvaluation(() => runSettings(options));
}

/**
 * What `run(options)` would generate and could cost (`passk run --dry-run`), without
 * generating, executing or writing anything.
 */
export async function plan(options: RunOptions): Promise<RunPlan> {
  return planEvaluation(runSettings(options));
}

function runSettings(options: RunOptions): RunEvaluationOptions {
  if (options.limit !== undefined && options.tasks !== undefined)
    throw new UsageError({ message: '--limit and --tasks cannot be used together' });
  checkPositive(options.n, '-n');
  checkPositive(options.limit, '--limit');
  checkPositive(options.concurrency, '--concurrency');
  checkPositive(options.maxTokens, '--max-tokens');
  check(options.temperature, '--temperature', 0, 2);
  check(options.topP, '--top-p', 0, 1);
  checkPositive(options.maxTurns, '--max-turns');
  checkPositive(options.maxToolCalls, '--max-tool-calls');
  if (options.attemptTimeoutSeconds !== undefined && !(options.attemptTimeoutSeconds > 0))
    throw new UsageError({
      message: `--attempt-timeout expects a number of seconds above 0, got ${options.attemptTimeoutSeconds}`,
    });
  if (
    !options.agent &&
    (options.maxTurns ?? options.maxToolCalls ?? options.attemptTimeoutSeconds) !== undefined
  )
    throw new UsageError({
      message: '--max-turns, --max-tool-calls and --attempt-timeout apply to --agent runs only',
    });
  const { registry, dataset, core, selection } = scoringSettings(options);
  const model = resolveModel(options.model, options, {
    registry,
    env: core.env ?? {},
    cwd: core.cwd ?? process.cwd(),
  });
  const { provider } = model;
  const agentProgram = provider.agentCommand !== undefined;
  if (agentProgram && !options.agent)
    throw new UsageError({
      message: `--model ${provider.id} is an agent program: it runs with --agent`,
    });
  if (options.agent && !agentProgram && typeof provider.respond !== 'function')
    throw new UsageError({
      message: `--agent needs a model that calls tools; --model ${provider.id} does not (use an openai:, anthropic:, google:, openai-compatible: or ollama: model, or demo)`,
    });
  if (options.agent && model.promptFormat?.mode === 'completion')
    throw new UsageError({ message: '--agent needs --prompt-mode chat' });
  // An agent's prompts are its own (the system prompt, the task and the tools).
  const promptFormat = options.agent ? undefined : model.promptFormat;
  const replay = 'samplesFile' in provider ? (provider as ReplayProvider) : undefined;
  const maxTokens =
    options.maxTokens ??
    (promptFormat
      ? DEFAULT_MAX_TOKENS[promptFormat.mode]
      : options.agent && provider.generative
        ? DEFAULT_MAX_TOKENS.chat
        : undefined);
  const datasetName = dataset.id.startsWith('jsonl:') ? basename(dataset.id.slice(6)) : dataset.id;
  return {
    ...core,
    dataset,
    provider,
    mode: 'run',
    name: `${slug(datasetName)}-${slug(provider.model)}`,
    scope: (problems) => {
      const file = replay?.samplesFile();
      const n =
        options.n ??
        (file
          ? Math.max(...[...file.byTask.values()].flat().map((sample) => sample.sampleIndex + 1))
          : 1);
      return {
        problems: selectProblems(problems, {
          ...(options.tasks ? { tasks: options.tasks } : {}),
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          ...selection,
          ...(file && !options.tasks ? { within: new Set(file.byTask.keys()) } : {}),
        }),
        samplesFor: () => n,
        ...dateWindow(selection),
      };
    },
    ...(options.n === undefined ? {} : { n: options.n }),
    sampling: {
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.topP === undefined ? {} : { topP: options.topP }),
      ...(maxTokens === undefined ? {} : { maxTokens }),
      // A seed given explicitly is also the model's sampling seed (sample i: seed + i), and an
      // agent program's PASSK_SEED.
      ...((provider.generative || agentProgram) && options.seed !== undefined
        ? { seed: options.seed }
        : {}),
      ...(model.reasoningEffort ? { reasoningEffort: model.reasoningEffort } : {}),
    },
    ...(promptFormat ? { promptFormat } : {}),
    ...(options.agent
      ? {
          agent: {
            maxTurns: options.maxTurns ?? DEFAULT_AGENT_SETTINGS.maxTurns,
            maxToolCalls: options.maxToolCalls ?? DEFAULT_AGENT_SETTINGS.maxToolCalls,
            attemptTimeoutMs:
              options.attemptTimeoutSeconds === undefined
                ? DEFAULT_AGENT_SETTINGS.attemptTimeoutMs
                : Math.round(options.attemptTimeoutSeconds * 1000),
          },
        }
      : {}),
    ...(model.maxCostUsd === undefined ? {} : { maxCostUsd: model.maxCostUsd }),
    ...(model.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: model.requestTimeoutMs }),
    ...(model.retries === undefined ? {} : { retries: model.retries }),
    generationConcurrency: options.concurrency ?? 8,
  };
}
