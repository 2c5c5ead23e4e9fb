import type { Generation, GenerationRequest, TokenUsage } from '@passk/core';
import type {
  LanguageModel,
  LanguageModelUsage,
  ModelMessage,
  ProviderMetadata as ProviderOptions,
} from 'ai';
import { classifyError } from './classify-error.ts';
import { rateLimitInfo } from './rate-limit-headers.ts';

/** How `callModel` talks to the model. */
export interface CallModelOptions {
  /** Use `streamText` (SSE / NDJSON) instead of `generateText`. */
  readonly stream: boolean;
  /** Most stop sequences the API accepts; the rest are applied by the run after generation. */
  readonly maxStopSequences?: number;
  /** Provider options to add to the call (see `ProviderKind.providerOptions`). */
  readonly providerOptions?: ProviderOptions;
  /** `performance.now()` when the request started, for latency. */
  readonly started: number;
}

/**
 * Sends one request through the `ai` SDK (`generateText`, or `streamText` when streaming)
 * with the SDK's retries off, and returns the text, reasoning, finish reason, token usage
 * and rate-limit headers. Throws the SDK's error for the caller to classify.
 */
export async function callModel(
  model: LanguageModel,
  request: GenerationRequest,
  options: CallModelOptions,
): Promise<Generation> {
  const { generateText, streamText } = await import('ai');
  // The SDK prints "unsupported setting" warnings to the console; passk records what it sent
  // in the manifest instead and keeps stderr for its own progress and logs.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  const prompt = request.modelPrompt ?? { mode: 'completion' as const, text: request.prompt };
  const { sampling } = request;
  const stopSequences = request.stopSequences.filter((stop) => stop !== '');
  const settings = {
    model,
    maxRetries: 0,
    ...(request.signal ? { abortSignal: request.signal } : {}),
    ...(sampling.maxTokens === undefined ? {} : { maxOutputTokens: sampling.maxTokens }),
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.topP === undefined ? {} : { topP: sampling.topP }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    ...(sampling.reasoningEffort === undefined ? {} : { reasoning: sampling.reasoningEffort }),
    ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
    ...(stopSequences.length > 0
      ? { stopSequences: stopSequences.slice(0, options.maxStopSequences ?? stopSequences.length) }
      : {}),
  };
  const input =
    prompt.mode === 'completion'
      ? { prompt: prompt.text }
      : {
          ...(prompt.system ? { system: prompt.system } : {}),
          messages: [
            ...prompt.messages.map((message): ModelMessage => ({ ...message })),
            ...(prompt.prefill ? [{ role: 'assistant' as const, content: prompt.prefill }] : []),
          ],
        };

  if (!options.stream) {
    const result = await generateText({ ...settings, ...input });
    return toGeneration(
      {
        text: result.text,
        reasoning: result.reasoningText,
        finishReason: result.finishReason,
        usage: result.usage,
        headers: result.response.headers,
      },
      options.started,
    );
  }
  let streamError: unknown;
  const result = streamText({
    ...settings,
    ...input,
    onError: ({ error }) => {
      streamError ??= error;
    },
  });
  let text = '';
  try {
    for await (const chunk of result.textStream) text += chunk;
    const [finishReason, usage, reasoning, response] = await Promise.all([
      result.finishReason,
      result.usage,
      result.reasoningText,
      result.response,
    ]);
    if (streamError !== undefined) throw streamError;
    return toGeneration(
      { text, reasoning, finishReason, usage, headers: response.headers },
      options.started,
    );
  } catch (error) {
    // The stream's own error (HTTP status, parse failure) says more than the wrapper's.
    throw streamError ?? error;
  }
}

interface RawResult {
  readonly text: string;
  readonly reasoning: string | undefined;
  readonly finishReason: string;
  readonly usage: LanguageModelUsage;
  readonly headers: Record<string, string> | undefined;
}

function toGeneration(result: RawResult, started: number): Generation {
  const latencyMs = Math.round(performance.now() - started);
  const rateLimit = rateLimitInfo(result.headers);
  const usage = toTokenUsage(result.usage);
  const base = {
    latencyMs,
    ...(usage ? { usage } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(result.reasoning ? { reasoning: result.reasoning } : {}),
  };
  if (result.finishReason === 'content-filter') {
    return {
      ...base,
      text: result.text,
      finishReason: result.finishReason,
      error: {
        class: 'content_filter',
        message: 'the provider withheld the answer (content filter)',
        retryable: false,
      },
    };
  }
  if (result.finishReason === 'error') {
    return {
      ...base,
      text: '',
      finishReason: 'error',
      error: classifyError(new Error('the provider reported an error finish')),
    };
  }
  return { ...base, text: result.text, finishReason: result.finishReason };
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
