import type { Generation, SamplingParameters, TokenUsage } from '@passk/core';
import type { LanguageModel, LanguageModelUsage, ProviderMetadata as ProviderOptions } from 'ai';
import { classifyError } from './classify-error.ts';
import { rateLimitInfo } from './rate-limit-headers.ts';

/** How a call to the `ai` SDK is made. */
export interface SdkCallOptions {
  /** Provider options to add to the call (see `ProviderKind.providerOptions`). */
  readonly providerOptions?: ProviderOptions;
  /** `performance.now()` when the request started, for latency. */
  readonly started: number;
}

/** The `ai` SDK, loaded on first use, with its console warnings off. */
export async function loadSdk(): Promise<typeof import('ai')> {
  const sdk = await import('ai');
  // The SDK prints "unsupported setting" warnings to the console; passk records what it sent
  // in the manifest instead and keeps stderr for its own progress and logs.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  return sdk;
}

/**
 * The settings every passk call to the `ai` SDK shares: the model, the SDK's retries off (the
 * run retries), the abort signal, the sampling parameters that are set, and provider options.
 */
export function callSettings(
  model: LanguageModel,
  sampling: SamplingParameters,
  signal: AbortSignal | undefined,
  providerOptions: ProviderOptions | undefined,
) {
  return {
    model,
    maxRetries: 0,
    ...(signal ? { abortSignal: signal } : {}),
    ...(sampling.maxTokens === undefined ? {} : { maxOutputTokens: sampling.maxTokens }),
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.topP === undefined ? {} : { topP: sampling.topP }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    ...(sampling.reasoningEffort === undefined ? {} : { reasoning: sampling.reasoningEffort }),
    ...(providerOptions ? { providerOptions } : {}),
  };
}

/** What the SDK answered, as both kinds of call read it (the fields of `generateText`'s result). */
export interface SdkAnswer {
  readonly text: string;
  readonly reasoningText: string | undefined;
  readonly finishReason: string;
  readonly usage: LanguageModelUsage | undefined;
  readonly response: { readonly headers?: Record<string, string> | undefined };
}

/**
 * The SDK's answer as a passk generation (latency since `started`, usage, rate-limit headers,
 * reasoning), with a content-filter or error finish as a failure; `extra` (an agent turn's tool
 * calls) joins every outcome, a failure's with nothing in it.
 */
export function toAnswer<Extra extends object>(
  answer: SdkAnswer,
  started: number,
  extra: Extra,
  failedExtra: Extra,
): Generation & Extra {
  const usage = toTokenUsage(answer.usage);
  const rateLimit = rateLimitInfo(answer.response.headers);
  const base = {
    latencyMs: Math.round(performance.now() - started),
    ...(usage ? { usage } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(answer.reasoningText ? { reasoning: answer.reasoningText } : {}),
  };
  if (answer.finishReason === 'content-filter') {
    return {
      ...base,
      ...failedExtra,
      text: answer.text,
      finishReason: answer.finishReason,
      error: {
        class: 'content_filter',
        message: 'the provider withheld the answer (content filter)',
        retryable: false,
      },
    };
  }
  if (answer.finishReason === 'error') {
    return {
      ...base,
      ...failedExtra,
      text: '',
      finishReason: 'error',
      error: classifyError(new Error('the provider reported an error finish')),
    };
  }
  return { ...base, ...extra, text: answer.text, finishReason: answer.finishReason };
}

/** The SDK's usage as passk's `TokenUsage`; undefined when the provider reported none. */
export function toTokenUsage(usage: LanguageModelUsage | undefined): TokenUsage | undefined {
  if (!usage || (usage.inputTokens === undefined && usage.outputTokens === undefined))
    return undefined;
  const reasoning = usage.outputTokenDetails?.reasoningTokens;
  const cached = usage.inputTokenDetails?.cacheReadTokens;
  return {
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
    ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }),
    ...(cached === undefined ? {} : { cachedInputTokens: cached }),
  };
}
