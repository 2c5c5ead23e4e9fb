import { join } from 'node:path';
import {
  type AgentTurn,
  type AgentTurnRequest,
  defineProvider,
  type Generation,
  type GenerationRequest,
  type ModelPrice,
  type PromptMode,
  type Provider,
  UsageError,
} from '@passk/core';
import type { LanguageModel } from 'ai';
import { failedGeneration } from '../internal/failed-generation.ts';
import { lookupPrice } from '../pricing/price-table.ts';
import { callAgentModel } from './call-agent-model.ts';
import { callModel } from './call-model.ts';
import { classifyError } from './classify-error.ts';
import { type AiSdkProviderKind, PROVIDER_KINDS } from './provider-kinds.ts';
import { createRawCompletionFetch } from './raw-completion-fetch.ts';
import { findSetting, type KeySources, requireApiKey } from './resolve-api-key.ts';

/** Options of `createAiSdkProvider`. */
export interface AiSdkProviderOptions {
  readonly kind: AiSdkProviderKind;
  /** The model id as the provider's API names it (`gpt-4.1-mini`, `qwen2.5-coder:7b`). */
  readonly model: string;
  /** Prompt mode the run uses (default `chat`); checked against the kind's APIs. */
  readonly mode?: PromptMode;
  /** Endpoint; default the kind's official one or its base-URL variable. */
  readonly baseUrl?: string;
  /** Where keys and base URLs are looked up (default `process.env` and `./.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The `.env` file (default `.env` in the current directory). */
  readonly envFile?: string;
  /** OpenAI chat-mode API: `responses` (default) or `chat` (chat completions). */
  readonly api?: 'responses' | 'chat';
  /** Stream responses (server-sent events / NDJSON) instead of waiting for one body. */
  readonly stream?: boolean;
  /** Price override (default: the built-in table; free for local servers). */
  readonly price?: ModelPrice;
  /** fetch implementation (tests, proxies); default the global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * A model backend on the Vercel `ai` SDK: `openai:`, `anthropic:`, `google:`,
 * `openai-compatible:` (with a base URL) and `ollama:`. The SDK package of the kind is
 * imported on first use. `prepare()` throws `CredentialError` for a missing key and
 * `UsageError` for a missing base URL or an unsupported prompt mode. `generate` never throws:
 * failures are classified (`classifyError`) and returned; the SDK's own retries are off
 * (the run retries with back-off and rate-limit awareness).
 */
export function createAiSdkProvider(options: AiSdkProviderOptions): Provider {
  const kind = PROVIDER_KINDS[options.kind];
  const id = `${options.kind}:${options.model}`;
  const mode = options.mode ?? 'chat';
  const sources: KeySources = {
    env: options.env ?? process.env,
    envFile: options.envFile ?? join(process.cwd(), '.env'),
  };
  const baseUrl =
    options.baseUrl ?? findSetting(kind.baseUrlVariables, sources) ?? kind.defaultBaseUrl;
  const price =
    options.price ??
    (kind.free ? { inputPerMillion: 0, outputPerMillion: 0 } : lookupPrice(options.model));
  // ollama-ai-provider-v2 cannot parse Ollama's streamed /api/generate chunks (it requires
  // `context` on every chunk; Ollama sends it only on the last), so that pair does not stream.
  const stream = options.stream === true && !(options.kind === 'ollama' && mode === 'completion');
  let model: Promise<LanguageModel> | undefined;
  let apiKey: string | undefined;
  let prepared = false;

  const prepare = async () => {
    if (prepared) return;
    if (!options.model)
      throw new UsageError({
        message: `--model ${id}: the model name is missing (${options.kind}:<model>)`,
      });
    if (!kind.modes.includes(mode)) {
      throw new UsageError({
        message: `--model ${id} offers no ${mode} API (it supports --prompt-mode ${kind.modes.join(' or ')})`,
      });
    }
    if (baseUrl === undefined) {
      throw new UsageError({
        message: `--model ${id} needs --base-url (e.g. http://localhost:8000/v1) or ${kind.baseUrlVariables.join(' or ')}`,
      });
    }
    try {
      new URL(baseUrl);
    } catch {
      throw new UsageError({ message: `--base-url '${baseUrl}' is not a URL` });
    }
    apiKey = kind.keyRequired
      ? requireApiKey(kind.keyVariables, sources, id)
      : findSetting(kind.keyVariables, sources);
    prepared = true;
  };

  return defineProvider({
    id,
    model: options.model,
    cacheable: true,
    generative: true,
    capabilities: {
      modes: kind.modes,
      prefill: kind.prefill,
      ...(kind.maxStopSequences === undefined ? {} : { maxStopSequences: kind.maxStopSequences }),
    },
    ...(price ? { price } : {}),
    endpoint: {
      ...(baseUrl ? { base_url: baseUrl } : {}),
      mode,
      ...(options.kind === 'openai' && mode === 'chat' ? { api: options.api ?? 'responses' } : {}),
      ...(stream ? { stream: 'true' } : {}),
    },
    prepare,
    async generate(request: GenerationRequest): Promise<Generation> {
      const started = performance.now();
      try {
        await prepare();
        model ??= createModel();
        const providerOptions = kind.providerOptions?.({
          mode,
          stopSequences: request.stopSequences.filter((stop) => stop !== ''),
          sampling: request.sampling,
        });
        return await callModel(await model, request, {
          stream,
          ...(providerOptions ? { providerOptions } : {}),
          ...(kind.maxStopSequences === undefined
            ? {}
            : { maxStopSequences: kind.maxStopSequences }),
          started,
        });
      } catch (error) {
        return failedGeneration(classifyError(error), Math.round(performance.now() - started));
      }
    },
    async respond(request: AgentTurnRequest): Promise<AgentTurn> {
      const started = performance.now();
      try {
        await prepare();
        if (mode !== 'chat')
          throw new UsageError({ message: `--agent needs --prompt-mode chat (${id})` });
        model ??= createModel();
        const providerOptions = kind.providerOptions?.({
          mode,
          stopSequences: [],
          sampling: request.sampling,
        });
        return await callAgentModel(await model, request, {
          ...(providerOptions ? { providerOptions } : {}),
          started,
        });
      } catch (error) {
        return {
          ...failedGeneration(classifyError(error), Math.round(performance.now() - started)),
          toolCalls: [],
        };
      }
    },
  });

  function createModel(): Promise<LanguageModel> {
    return kind.createModel({
      modelId: options.model,
      mode,
      baseUrl: baseUrl as string,
      ...(apiKey === undefined ? {} : { apiKey }),
      ...(options.api ? { api: options.api } : {}),
      ...(mode === 'completion'
        ? { fetch: createRawCompletionFetch(options.fetch) }
        : options.fetch
          ? { fetch: options.fetch }
          : {}),
    });
  }
}
