import { join } from 'node:path';
import {
  type ModelPrice,
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
import type { CommandIo } from '../io.ts';
import { parseNumber, parsePositiveInteger } from '../parse-options.ts';

/** Flags of `passk run` that configure a model provider and its prompts. */
export const MODEL_OPTIONS = {
  'base-url': { type: 'string' },
  api: { type: 'string' },
  stream: { type: 'boolean' },
  'prompt-mode': { type: 'string' },
  'prompt-template': { type: 'string' },
  'system-prompt': { type: 'string' },
  'no-prefill': { type: 'boolean' },
  'reasoning-effort': { type: 'string' },
  'max-cost': { type: 'string' },
  price: { type: 'string' },
  prices: { type: 'string' },
  'request-timeout': { type: 'string' },
  retries: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** Default `--max-tokens` per prompt mode for model providers (EvalPlus uses 768 for completions). */
export const DEFAULT_MAX_TOKENS = { completion: 768, chat: 2048 } as const;

const EFFORTS: readonly ReasoningEffort[] = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
];

/** A provider with what `passk run` needs to drive it. */
export interface ModelSetup {
  readonly provider: Provider;
  /** Prompt format for generative providers. */
  readonly promptFormat?: PromptFormat;
  readonly reasoningEffort?: ReasoningEffort;
  readonly maxCostUsd?: number;
  readonly requestTimeoutMs?: number;
  readonly retries?: number;
  readonly dryRun: boolean;
}

/**
 * Creates the provider of `--model` with the model flags, checks its credentials
 * (`CredentialError`, exit 2, before any work) and builds its prompt format. Flags that
 * only make sense for model providers are refused for `reference` and `replay:`.
 */
export async function setUpModel(
  modelId: string,
  values: Record<string, string | boolean | undefined>,
  registry: Registry,
  io: CommandIo,
): Promise<ModelSetup> {
  const mode = values['prompt-mode'];
  if (mode !== undefined && mode !== 'chat' && mode !== 'completion')
    throw new UsageError({ message: `--prompt-mode expects chat or completion, got '${mode}'` });
  const api = values.api;
  if (api !== undefined && api !== 'responses' && api !== 'chat')
    throw new UsageError({ message: `--api expects responses or chat, got '${api}'` });
  if (api !== undefined && !modelId.startsWith('openai:'))
    throw new UsageError({
      message: `--api chooses between OpenAI's APIs; it does not apply to --model ${modelId}`,
    });
  const effort = values['reasoning-effort'] as ReasoningEffort | undefined;
  if (effort !== undefined && !EFFORTS.includes(effort))
    throw new UsageError({
      message: `--reasoning-effort expects one of ${EFFORTS.join(', ')}, got '${effort}'`,
    });
  const maxCostUsd = parseNumber(values['max-cost'] as string | undefined, '--max-cost', 0, 1e9);
  const timeoutSeconds = parseNumber(
    values['request-timeout'] as string | undefined,
    '--request-timeout',
    0.1,
    86_400,
  );
  const retries =
    values.retries === '0'
      ? 0
      : parsePositiveInteger(values.retries as string | undefined, '--retries');
  const modelName = modelId.slice(modelId.indexOf(':') + 1);
  const price = parsePrice(values, modelName);

  const provider = registry.provider(modelId, {
    ...(mode ? { mode } : {}),
    ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}),
    ...(api ? { api } : {}),
    stream: values.stream === true,
    env: io.env,
    envFile: join(io.cwd, '.env'),
    ...(price ? { price } : {}),
  });
  if (!provider.generative) {
    const modelOnly = Object.keys(MODEL_OPTIONS).filter(
      (flag) => values[flag] !== undefined && flag !== 'dry-run',
    );
    if (modelOnly.length > 0) {
      throw new UsageError({
        message: `--${modelOnly[0]} applies to model providers (openai:, anthropic:, google:, openai-compatible:, ollama:), not to --model ${modelId}`,
      });
    }
    await provider.prepare?.();
    return { provider, dryRun: values['dry-run'] === true };
  }
  await provider.prepare?.();
  const promptMode = mode ?? 'chat';
  if (promptMode === 'completion' && (values['prompt-template'] || values['system-prompt'])) {
    throw new UsageError({
      message: '--prompt-template and --system-prompt apply to --prompt-mode chat',
    });
  }
  const promptFormat =
    promptMode === 'completion'
      ? createCompletionFormat()
      : createChatFormat({
          ...(typeof values['prompt-template'] === 'string'
            ? { template: readTemplateFile(values['prompt-template']) }
            : {}),
          ...(typeof values['system-prompt'] === 'string'
            ? { system: values['system-prompt'] }
            : {}),
          prefill: values['no-prefill'] !== true,
        });
  if (maxCostUsd !== undefined && !provider.price) {
    throw new UsageError({
      message: `--max-cost needs the price of ${provider.model}, which passk does not know: give --price <input>,<output>[,<cached input>] (US dollars per million tokens) or --prices <file>`,
    });
  }
  return {
    provider,
    promptFormat,
    ...(effort ? { reasoningEffort: effort } : {}),
    ...(maxCostUsd === undefined ? {} : { maxCostUsd }),
    requestTimeoutMs: (timeoutSeconds ?? 300) * 1000,
    ...(retries === undefined ? {} : { retries }),
    dryRun: values['dry-run'] === true,
  };
}

function parsePrice(
  values: Record<string, string | boolean | undefined>,
  model: string,
): ModelPrice | undefined {
  if (typeof values.price === 'string') {
    const parts = values.price.split(',').map((part) => Number(part.trim()));
    if (
      parts.length < 2 ||
      parts.length > 3 ||
      parts.some((part) => !Number.isFinite(part) || part < 0)
    ) {
      throw new UsageError({
        message: `--price expects <input>,<output>[,<cached input>] in US dollars per million tokens, got '${values.price}'`,
      });
    }
    return {
      inputPerMillion: parts[0] as number,
      outputPerMillion: parts[1] as number,
      ...(parts[2] === undefined ? {} : { cachedInputPerMillion: parts[2] }),
    };
  }
  if (typeof values.prices === 'string') {
    const table = readPriceFile(values.prices);
    const price = lookupPrice(model, table);
    if (price) return price;
  }
  return undefined;
}
