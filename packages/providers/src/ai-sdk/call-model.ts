import type { Generation, GenerationRequest } from '@passk/core';
import type { LanguageModel, ModelMessage } from 'ai';
import { callSettings, loadSdk, type SdkCallOptions, toAnswer } from './sdk-answer.ts';

/** How `callModel` talks to the model. */
export interface CallModelOptions extends SdkCallOptions {
  /** Use `streamText` (SSE / NDJSON) instead of `generateText`. */
  readonly stream: boolean;
  /** Most stop sequences the API accepts; the rest are applied by the run after generation. */
  readonly maxStopSequences?: number;
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
  const { generateText, streamText } = await loadSdk();
  const prompt = request.modelPrompt ?? { mode: 'completion' as const, text: request.prompt };
  const { sampling } = request;
  const stopSequences = request.stopSequences.filter((stop) => stop !== '');
  const settings = {
    ...callSettings(model, sampling, request.signal, options.providerOptions),
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
    return toAnswer(result, options.started, {}, {});
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
    const [finishReason, usage, reasoningText, response] = await Promise.all([
      result.finishReason,
      result.usage,
      result.reasoningText,
      result.response,
    ]);
    if (streamError !== undefined) throw streamError;
    return toAnswer(
      { text, reasoningText, finishReason, usage, response },
      options.started,
      {},
      {},
    );
  } catch (error) {
    // The stream's own error (HTTP status, parse failure) says more than the wrapper's.
    throw streamError ?? error;
  }
}
