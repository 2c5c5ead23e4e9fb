import { join } from 'node:path';
import {
  type PromptFormat,
  type Provider,
  type ReasoningEffort,
  type Registry,
  UsageError,
} from '@passk/core';
import {
  createChatFormat,
  createCompletionFormat,
  lookupPrice,
  readPriceFile,
  readTemplateFile,
} from '@passk/providers';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MODEL_OPTION_FLAGS,
  type ModelOptions,
  REASONING_EFFORTS,
} from './model-options.ts';

/** A provider with the settings a run needs to drive it. */
export interface ResolvedModel {
  readonly provider: Provider;
  /** Prompt format of a generative provider. */
  readonly promptFormat?: PromptFormat;
  readonly reasoningEffort?: ReasoningEffort;
  readonly maxCostUsd?: number;
  readonly requestTimeoutMs?: number;
  readonly retries?: number;
}

/** Where a model is resolved: the registry, and what its credentials are read from. */
export interface ModelContext {
  readonly registry: Registry;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory of the `.env` file read for keys. */
  readonly cwd: string;
}

/**
 * The provider of `model` (a registry id such as `openai:gpt-4.1-mini`, or a `Provider`),
 * with its prompt format and request settings. Throws `UsageError` for options that do not
 * apply (model options with `reference` or `replay:`, `api` with another provider than
 * OpenAI, `maxCostUsd` without a known price), `UnknownIdError` for an unknown provider.
 * Does not call `provider.prepare()` (the run does, once).
 */
export function resolveModel(
  model: string | Provider,
  options: ModelOptions,
  context: ModelContext,
): ResolvedModel {
  const { promptMode: mode, api, reasoningEffort: effort } = options;
  if (mode !== undefined && mode !== 'chat' && mode !== 'completion')
    throw new UsageError({ message: `--prompt-mode expects chat or completion, got '${mode}'` });
  if (api !== undefined && api !== 'responses' && api !== 'chat')
    throw new UsageError({ message: `--api expects responses or chat, got '${api}'` });
  const modelId = typeof model === 'string' ? model : model.id;
  if (api !== undefined && !modelId.startsWith('openai:'))
    throw new UsageError({
      message: `--api chooses between OpenAI's APIs; it does not apply to --model ${modelId}`,
    });
  if (effort !== undefined && !REASONING_EFFORTS.includes(effort))
    throw new UsageError({
      message: `--reasoning-effort expects one of ${REASONING_EFFORTS.join(', ')}, got '${effort}'`,
    });
  const price =
    options.price ??
    (options.pricesFile === undefined
      ? undefined
      : lookupPrice(modelId.slice(modelId.indexOf(':') + 1), readPriceFile(options.pricesFile)));
  const provider =
    typeof model === 'string'
      ? context.registry.provider(model, {
          ...(mode ? { mode } : {}),
          ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
          ...(api ? { api } : {}),
          stream: options.stream === true,
          env: context.env,
          envFile: join(context.cwd, '.env'),
          ...(price ? { price } : {}),
        })
      : model;
  if (!provider.generative) {
    const modelOnly = (Object.keys(MODEL_OPTION_FLAGS) as (keyof ModelOptions)[]).filter(
      (option) => options[option] !== undefined,
    );
    if (modelOnly.length > 0) {
      throw new UsageError({
        message: `${MODEL_OPTION_FLAGS[modelOnly[0] as keyof ModelOptions]} applies to model providers (openai:, anthropic:, google:, openai-compatible:, ollama:), not to --model ${modelId}`,
      });
    }
    return { provider };
  }
  const promptMode = mode ?? 'chat';
  if (promptMode === 'completion' && (options.promptTemplate || options.systemPrompt)) {
    throw new UsageError({
      message: '--prompt-template and --system-prompt apply to --prompt-mode chat',
    });
  }
  const promptFormat =
    promptMode === 'completion'
      ? createCompletionFormat()
      : createChatFormat({
          ...(options.promptTemplate === undefined
            ? {}
            : { template: readTemplateFile(options.promptTemplate) }),
          ...(options.systemPrompt === undefined ? {} : { system: options.systemPrompt }),
          prefill: options.prefill !== false,
        });
  if (options.maxCostUsd !== undefined && !provider.price) {
    throw new UsageError({
      message: `--max-cost needs the price of ${provider.model}, which passk does not know: give --price <input>,<output>[,<cached input>] (US dollars per million tokens) or --prices <file>`,
    });
  }
  return {
    provider,
    promptFormat,
    ...(effort ? { reasoningEffort: effort } : {}),
    ...(options.maxCostUsd === undefined ? {} : { maxCostUsd: options.maxCostUsd }),
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
  };
}
