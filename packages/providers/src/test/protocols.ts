import { fixture } from './fixtures.ts';

/** The wire protocols the fake server speaks. */
export type Protocol =
  | 'openai-chat'
  | 'openai-responses'
  | 'openai-completions'
  | 'anthropic-messages'
  | 'google-generate-content'
  | 'ollama-chat'
  | 'ollama-generate';

/** What the server read from a request, whatever its protocol. */
export interface FakeRequest {
  readonly protocol: Protocol;
  readonly model: string;
  /** The system prompt, when any. */
  readonly system?: string;
  /** The user's text (chat) or the prompt (completion); messages joined by blank lines. */
  readonly prompt: string;
  /** An assistant prefill (last message from the assistant), when sent. */
  readonly prefill?: string;
  readonly seed?: number;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly stop: readonly string[];
  readonly stream: boolean;
  /** Names of the tools the request declares (agent turns; OpenAI chat and Anthropic messages). */
  readonly tools: readonly string[];
  /** Model turns so far in the conversation (assistant messages), so this is turn `turns + 1`. */
  readonly turns: number;
  /** The tool results sent back, in order (OpenAI chat `tool` messages, Anthropic `tool_result` blocks). */
  readonly toolResults: readonly { readonly content: string; readonly isError: boolean }[];
  /** The parsed body, for assertions. */
  readonly body: Record<string, unknown>;
}

/** A tool call the fake model makes. */
export interface FakeToolCall {
  readonly id: string;
  readonly name: string;
  /**
   * The arguments: an object, or (OpenAI chat only) the raw text the model wrote, which may be
   * broken JSON.
   */
  readonly arguments: Record<string, unknown> | string;
}

/** One answer of the fake model. */
export interface FakeAnswer {
  readonly text: string;
  /** Reasoning text (sent as a thinking block / reasoning item where the protocol has one). */
  readonly reasoning?: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens?: number;
  readonly cachedInputTokens?: number;
  /** `stop` (default) or `length`. */
  readonly finish?: 'stop' | 'length';
  /** Tool calls (OpenAI chat tool calling, Anthropic tool use); the finish is then the protocol's tool-call reason. */
  readonly toolCalls?: readonly FakeToolCall[];
}

// biome-ignore lint/suspicious/noExplicitAny: wire bodies are edited by path, as the fixtures lay them out
type Json = Record<string, any>;

const textOf = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((part: Json) => (typeof part?.text === 'string' ? part.text : '')).join('')
      : '';

/** Reads the protocol-independent fields of a request body. */
export function readRequest(
  protocol: Protocol,
  body: Json,
  model: string,
  stream: boolean,
): FakeRequest {
  const messages: Json[] = [];
  const toolResults: { content: string; isError: boolean }[] = [];
  let system: string | undefined;
  let prompt = '';
  switch (protocol) {
    case 'openai-chat':
    case 'ollama-chat':
      for (const message of body.messages ?? []) {
        if (message.role === 'system' || message.role === 'developer')
          system = textOf(message.content);
        else if (message.role === 'tool')
          toolResults.push({ content: textOf(message.content), isError: false });
        else messages.push({ role: message.role, text: textOf(message.content) });
      }
      break;
    case 'openai-responses':
      for (const item of body.input ?? []) {
        if (item.role === 'system' || item.role === 'developer') system = textOf(item.content);
        else messages.push({ role: item.role, text: textOf(item.content) });
      }
      break;
    case 'anthropic-messages':
      system = Array.isArray(body.system) ? textOf(body.system) : body.system;
      for (const message of body.messages ?? []) {
        for (const block of Array.isArray(message.content) ? message.content : []) {
          if (block?.type === 'tool_result')
            toolResults.push({ content: textOf(block.content), isError: block.is_error === true });
        }
        messages.push({ role: message.role, text: textOf(message.content) });
      }
      break;
    case 'google-generate-content':
      if (body.systemInstruction) system = textOf(body.systemInstruction.parts);
      for (const content of body.contents ?? [])
        messages.push({
          role: content.role === 'model' ? 'assistant' : 'user',
          text: textOf(content.parts),
        });
      break;
    case 'openai-completions':
    case 'ollama-generate':
      prompt = String(body.prompt ?? '');
      break;
  }
  const last = messages.at(-1);
  const prefill = last?.role === 'assistant' ? (last.text as string) : undefined;
  if (messages.length > 0)
    prompt = messages
      .filter((message) => message.role === 'user')
      .map((message) => message.text)
      .join('\n\n');
  const options: Json = body.options ?? {};
  const generation: Json = body.generationConfig ?? {};
  const stopValue =
    body.stop ?? body.stop_sequences ?? generation.stopSequences ?? options.stop ?? [];
  return {
    protocol,
    model,
    ...(system ? { system } : {}),
    prompt,
    ...(prefill !== undefined ? { prefill } : {}),
    ...numberField('seed', body.seed ?? generation.seed ?? options.seed),
    ...numberField(
      'maxTokens',
      body.max_tokens ??
        body.max_completion_tokens ??
        body.max_output_tokens ??
        generation.maxOutputTokens ??
        options.num_predict,
    ),
    ...numberField(
      'temperature',
      body.temperature ?? generation.temperature ?? options.temperature,
    ),
    stop: Array.isArray(stopValue) ? stopValue : [stopValue],
    stream,
    tools: Array.isArray(body.tools)
      ? body.tools.map((tool: Json) => String(tool.function?.name ?? tool.name))
      : [],
    turns: messages.filter((message) => message.role === 'assistant').length,
    toolResults,
    body,
  };
}

function numberField(name: string, value: unknown): Record<string, number> {
  return typeof value === 'number' ? { [name]: value } : {};
}

/** A complete (non-streamed) response body. */
export function responseBody(request: FakeRequest, answer: FakeAnswer): Json {
  const finish = answer.finish ?? 'stop';
  switch (request.protocol) {
    case 'openai-chat': {
      const body = fixture('openai-chat').response as Json;
      body.model = request.model;
      body.choices[0].message.content = answer.text;
      body.choices[0].finish_reason = finish;
      if (answer.toolCalls?.length) {
        body.choices[0].message.tool_calls = answer.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: {
            name: call.name,
            arguments:
              typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
          },
        }));
        body.choices[0].finish_reason = 'tool_calls';
      }
      body.usage = openAiChatUsage(answer);
      return body;
    }
    case 'openai-completions': {
      const body = fixture('openai-completions').response as Json;
      body.model = request.model;
      body.choices[0].text = answer.text;
      body.choices[0].finish_reason = finish;
      body.usage = {
        prompt_tokens: answer.inputTokens,
        completion_tokens: answer.outputTokens,
        total_tokens: answer.inputTokens + answer.outputTokens,
      };
      return body;
    }
    case 'openai-responses':
      return responsesBody(request, answer, 'completed');
    case 'anthropic-messages': {
      const recorded = fixture('anthropic-messages');
      const body = recorded.response as Json;
      body.model = request.model;
      body.content = [
        ...(answer.reasoning
          ? [{ ...(recorded.thinkingBlock as Json), thinking: answer.reasoning }]
          : []),
        ...(answer.text ? [{ type: 'text', text: answer.text }] : []),
        ...(answer.toolCalls ?? []).map((call) => ({
          type: 'tool_use',
          id: call.id,
          name: call.name,
          input: call.arguments,
        })),
      ];
      body.stop_reason = answer.toolCalls?.length
        ? 'tool_use'
        : finish === 'length'
          ? 'max_tokens'
          : 'end_turn';
      body.usage = anthropicUsage(answer, answer.outputTokens);
      return body;
    }
    case 'google-generate-content': {
      const body = fixture('google-generate-content').response as Json;
      body.modelVersion = request.model;
      body.candidates[0].content.parts = [
        ...(answer.reasoning ? [{ text: answer.reasoning, thought: true }] : []),
        { text: answer.text },
      ];
      body.candidates[0].finishReason = finish === 'length' ? 'MAX_TOKENS' : 'STOP';
      body.usageMetadata = googleUsage(answer);
      return body;
    }
    case 'ollama-chat': {
      const body = fixture('ollama').chat as Json;
      body.model = request.model;
      body.message.content = answer.text;
      if (answer.reasoning) body.message.thinking = answer.reasoning;
      body.done_reason = finish;
      body.prompt_eval_count = answer.inputTokens;
      body.eval_count = answer.outputTokens;
      return body;
    }
    case 'ollama-generate': {
      const body = fixture('ollama').generate as Json;
      body.model = request.model;
      body.response = answer.text;
      body.done_reason = finish;
      body.prompt_eval_count = answer.inputTokens;
      body.eval_count = answer.outputTokens;
      return body;
    }
  }
}

/** The events of a streamed response: SSE `data` payloads (or NDJSON lines for Ollama), with event names. */
export function streamEvents(
  request: FakeRequest,
  answer: FakeAnswer,
  pieces: readonly string[],
): { event?: string; data: Json | string }[] {
  const finish = answer.finish ?? 'stop';
  switch (request.protocol) {
    case 'openai-chat': {
      const recorded = fixture('openai-chat').stream as Json;
      const withModel = (chunk: Json): Json => ({ ...chunk, model: request.model });
      return [
        { data: withModel(recorded.first) },
        ...pieces.map((piece) => {
          const chunk = withModel(structuredClone(recorded.delta));
          chunk.choices[0].delta.content = piece;
          return { data: chunk };
        }),
        {
          data: {
            ...withModel(recorded.finish),
            choices: [{ ...recorded.finish.choices[0], finish_reason: finish }],
          },
        },
        { data: { ...withModel(recorded.usage), usage: openAiChatUsage(answer) } },
        { data: '[DONE]' },
      ];
    }
    case 'openai-completions': {
      const recorded = fixture('openai-completions').stream as Json;
      return [
        ...pieces.map((piece) => {
          const chunk = structuredClone(recorded.delta);
          chunk.model = request.model;
          chunk.choices[0].text = piece;
          return { data: chunk };
        }),
        {
          data: {
            ...recorded.finish,
            model: request.model,
            choices: [{ ...recorded.finish.choices[0], finish_reason: finish }],
          },
        },
        {
          data: {
            ...recorded.usage,
            model: request.model,
            usage: {
              prompt_tokens: answer.inputTokens,
              completion_tokens: answer.outputTokens,
              total_tokens: answer.inputTokens + answer.outputTokens,
            },
          },
        },
        { data: '[DONE]' },
      ];
    }
    case 'openai-responses': {
      const recorded = fixture('openai-responses').stream as Json;
      let sequence = 0;
      const event = (payload: Json) => ({
        event: payload.type as string,
        data: { ...payload, sequence_number: sequence++ },
      });
      const created = structuredClone(recorded.created);
      created.response.model = request.model;
      const inProgress = structuredClone(recorded.inProgress);
      inProgress.response.model = request.model;
      const textDone = { ...recorded.textDone, text: answer.text };
      const partDone = {
        ...recorded.partDone,
        part: { ...recorded.partDone.part, text: answer.text },
      };
      const itemDone = structuredClone(recorded.itemDone);
      itemDone.item.content[0].text = answer.text;
      return [
        event(created),
        event(inProgress),
        event(recorded.itemAdded),
        event(recorded.partAdded),
        ...pieces.map((piece) => event({ ...recorded.delta, delta: piece })),
        event(textDone),
        event(partDone),
        event(itemDone),
        event({
          type: 'response.completed',
          response: responsesBody(request, answer, 'completed'),
        }),
      ];
    }
    case 'anthropic-messages': {
      const recorded = fixture('anthropic-messages').stream as Json;
      const start = structuredClone(recorded.messageStart);
      start.message.model = request.model;
      start.message.usage = anthropicUsage(answer, 1);
      const events: { event?: string; data: Json }[] = [{ event: 'message_start', data: start }];
      let index = 0;
      if (answer.reasoning) {
        events.push(
          {
            event: 'content_block_start',
            data: {
              type: 'content_block_start',
              index,
              content_block: { type: 'thinking', thinking: '', signature: '' },
            },
          },
          {
            event: 'content_block_delta',
            data: {
              type: 'content_block_delta',
              index,
              delta: { type: 'thinking_delta', thinking: answer.reasoning },
            },
          },
          {
            event: 'content_block_delta',
            data: {
              type: 'content_block_delta',
              index,
              delta: {
                type: 'signature_delta',
                signature: (fixture('anthropic-messages').thinkingBlock as Json).signature,
              },
            },
          },
          { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
        );
        index++;
      }
      events.push(
        { event: 'content_block_start', data: { ...recorded.blockStart, index } },
        { event: 'ping', data: recorded.ping },
        ...pieces.map((piece) => ({
          event: 'content_block_delta',
          data: { ...recorded.delta, index, delta: { type: 'text_delta', text: piece } },
        })),
        { event: 'content_block_stop', data: { ...recorded.blockStop, index } },
        {
          event: 'message_delta',
          data: {
            ...recorded.messageDelta,
            delta: {
              stop_reason: finish === 'length' ? 'max_tokens' : 'end_turn',
              stop_sequence: null,
            },
            usage: { output_tokens: answer.outputTokens },
          },
        },
        { event: 'message_stop', data: recorded.messageStop },
      );
      return events;
    }
    case 'google-generate-content': {
      const recorded = fixture('google-generate-content').stream as Json;
      const chunks = pieces.map((piece, index) => {
        const last = index === pieces.length - 1;
        const chunk = structuredClone(last ? recorded.last : recorded.chunk);
        chunk.modelVersion = request.model;
        chunk.candidates[0].content.parts = [{ text: piece }];
        if (last) {
          chunk.candidates[0].finishReason = finish === 'length' ? 'MAX_TOKENS' : 'STOP';
          chunk.usageMetadata = googleUsage(answer);
        }
        return { data: chunk };
      });
      return chunks;
    }
    case 'ollama-chat':
    case 'ollama-generate': {
      const recorded = fixture('ollama') as Json;
      const chat = request.protocol === 'ollama-chat';
      const chunks = pieces.map((piece) => {
        const chunk = structuredClone(chat ? recorded.chatChunk : recorded.generateChunk);
        chunk.model = request.model;
        if (chat) chunk.message.content = piece;
        else chunk.response = piece;
        return { data: chunk };
      });
      const last = responseBody(request, answer);
      if (chat) last.message.content = '';
      else last.response = '';
      return [...chunks, { data: last }];
    }
  }
}

function responsesBody(request: FakeRequest, answer: FakeAnswer, status: string): Json {
  const recorded = fixture('openai-responses');
  const body = recorded.response as Json;
  body.model = request.model;
  body.status = answer.finish === 'length' ? 'incomplete' : status;
  if (answer.finish === 'length') body.incomplete_details = { reason: 'max_output_tokens' };
  body.output[0].content[0].text = answer.text;
  if (answer.reasoning)
    body.output.unshift({
      ...(recorded.reasoningItem as Json),
      summary: [{ type: 'summary_text', text: answer.reasoning }],
    });
  body.usage = {
    input_tokens: answer.inputTokens,
    input_tokens_details: { cached_tokens: answer.cachedInputTokens ?? 0 },
    output_tokens: answer.outputTokens,
    output_tokens_details: { reasoning_tokens: answer.reasoningTokens ?? 0 },
    total_tokens: answer.inputTokens + answer.outputTokens,
  };
  return body;
}

function openAiChatUsage(answer: FakeAnswer): Json {
  return {
    prompt_tokens: answer.inputTokens,
    completion_tokens: answer.outputTokens,
    total_tokens: answer.inputTokens + answer.outputTokens,
    prompt_tokens_details: { cached_tokens: answer.cachedInputTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: answer.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function anthropicUsage(answer: FakeAnswer, outputTokens: number): Json {
  const cached = answer.cachedInputTokens ?? 0;
  return {
    input_tokens: answer.inputTokens - cached,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

function googleUsage(answer: FakeAnswer): Json {
  const thoughts = answer.reasoningTokens ?? 0;
  return {
    promptTokenCount: answer.inputTokens,
    candidatesTokenCount: answer.outputTokens - thoughts,
    totalTokenCount: answer.inputTokens + answer.outputTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: answer.inputTokens }],
    thoughtsTokenCount: thoughts,
    ...(answer.cachedInputTokens ? { cachedContentTokenCount: answer.cachedInputTokens } : {}),
  };
}
