import type { AgentMessage, AgentToolCall, AgentTurn, AgentTurnRequest } from '@passk/core';
import type { LanguageModel, ModelMessage } from 'ai';
import { callSettings, loadSdk, type SdkCallOptions, toAnswer } from './sdk-answer.ts';

/** How `callAgentModel` talks to the model. */
export type CallAgentModelOptions = SdkCallOptions;

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
  const { generateText, jsonSchema } = await loadSdk();
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
    ...callSettings(model, sampling, request.signal, options.providerOptions),
    system: request.system,
    messages: request.messages.map(toModelMessage),
    tools,
    toolChoice: 'auto',
  });
  const toolCalls: AgentToolCall[] = result.toolCalls.map((call) => ({
    id: call.toolCallId,
    name: call.toolName,
    arguments: call.input,
  }));
  return toAnswer(result, options.started, { toolCalls }, { toolCalls: [] });
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
