import type { AgentMessage, AgentToolCall, AgentTurn, AgentTurnRequest } from '@passk/core';
import type { LanguageModel, ModelMessage, ProviderMetadata as ProviderOptions } from 'ai';
import { toTokenUsage } from './call-model.ts';
import { classifyError } from './classify-error.ts';
import { rateLimitInfo } from './rate-limit-headers.ts';

/** How `callAgentModel` talks to the model. */
export interface CallAgentModelOptions {
  /** Provider options to add to the call (see `ProviderKind.providerOptions`). */
  readonly providerOptions?: ProviderOptions;
  /** `performance.now()` when the request started, for latency. */
  readonly started: number;
}

/**
 * Sends one agent turn through the `ai` SDK: one `generateText` step with the tools declared
 * (JSON Schemas, no `execute`: passk runs them) and the SDK's retries off, and returns the
 * text, the tool calls (arguments as the model wrote them; passk checks them), finish reason,
 * usage and rate-limit headers. Throws the SDK's error for the caller to classify.
 */
export async function callAgentModel(
  model: LanguageModel,
  request: AgentTurnRequest,
  options: CallAgentModelOptions,
): Promise<AgentTurn> {
  const { generateText, jsonSchema } = await import('ai');
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  const { sampling } = request;
  const tools = Object.fromEntries(
    request.tools.map((tool) => [
      tool.name,
      {
        description: tool.description,
        inputSchema: jsonSchema(tool.inputSchema as Parameters<typeof jsonSchema>[0]),
      },
    ]),
  );
  const result = await generateText({
    model,
    maxRetries: 0,
    ...(request.signal ? { abortSignal: request.signal } : {}),
    ...(sampling.maxTokens === undefined ? {} : { maxOutputTokens: sampling.maxTokens }),
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.topP === undefined ? {} : { topP: sampling.topP }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    ...(sampling.reasoningEffort === undefined ? {} : { reasoning: sampling.reasoningEffort }),
    ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
    system: request.system,
    messages: request.messages.map(toModelMessage),
    tools,
    toolChoice: 'auto',
  });
  const latencyMs = Math.round(performance.now() - options.started);
  const usage = toTokenUsage(result.usage);
  const rateLimit = rateLimitInfo(result.response.headers);
  const base = {
    latencyMs,
    ...(usage ? { usage } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(result.reasoningText ? { reasoning: result.reasoningText } : {}),
  };
  if (result.finishReason === 'content-filter') {
    return {
      ...base,
      text: result.text,
      toolCalls: [],
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
      toolCalls: [],
      finishReason: 'error',
      error: classifyError(new Error('the provider reported an error finish')),
    };
  }
  const toolCalls: AgentToolCall[] = result.toolCalls.map((call) => ({
    id: call.toolCallId,
    name: call.toolName,
    arguments: call.input,
  }));
  return { ...base, text: result.text, toolCalls, finishReason: result.finishReason };
}

/** A passk agent message as the SDK's model message. */
function toModelMessage(message: AgentMessage): ModelMessage {
  if (message.role === 'user') return { role: 'user', content: message.content };
  if (message.role === 'assistant') {
    return {
      role: 'assistant',
      content: [
        ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
        ...message.toolCalls.map((call) => ({
          type: 'tool-call' as const,
          toolCallId: call.id,
          toolName: call.name,
          input: call.arguments,
        })),
      ],
    };
  }
  return {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: message.toolCallId,
        toolName: message.toolName,
        output: message.isError
          ? { type: 'error-text', value: message.content }
          : { type: 'text', value: message.content },
      },
    ],
  };
}
