import {
  type AgentToolCall,
  type AgentTurn,
  type AgentTurnRequest,
  createValidator,
  readJsonl,
} from '@passk/core';

/** One recorded attempt: the model's turns, in order. */
interface RecordedAttempt {
  readonly task_id: string;
  readonly attempt: number;
  readonly turns: readonly {
    readonly text: string;
    readonly tool_calls: readonly { readonly name: string; readonly arguments: unknown }[];
  }[];
}

const validateAttempt = createValidator<RecordedAttempt>({
  type: 'object',
  required: ['task_id', 'attempt', 'turns'],
  properties: {
    task_id: { type: 'string' },
    attempt: { type: 'integer', minimum: 0 },
    turns: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text', 'tool_calls'],
        properties: {
          text: { type: 'string' },
          tool_calls: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'arguments'],
              properties: { name: { type: 'string' }, arguments: {} },
            },
          },
        },
      },
    },
  },
});

/** A model that replays recorded agent conversations: the `respond` half of a provider. */
export interface RecordedAgent {
  /** Reads and validates the file (once); throws `InvalidInputError` naming the line. */
  prepare(): Promise<void>;
  /** Turn `request.turn` of attempt `sampleIndex` (modulo the task's attempts) of the problem. */
  respond(request: AgentTurnRequest): Promise<AgentTurn>;
}

/**
 * Replays recorded agent attempts (JSON Lines: `task_id`, `attempt`, `turns` of `text` and
 * `tool_calls` with `name` and `arguments`), as the demo model does for `--agent`: turn t of
 * attempt i is the recording's turn t, whatever the tools answered (the recordings were made
 * to match what they answer); past its last turn the model stops (no tool call). Attempt i of
 * a task with m recordings replays recording i mod m. Token counts are estimated from the
 * characters sent and written (4 per token), so the figures of a demo run are stable.
 */
export function createRecordedAgent(path: string): RecordedAgent {
  let attempts: Map<string, RecordedAttempt[]> | undefined;
  const load = async () => {
    if (attempts) return attempts;
    const byTask = new Map<string, RecordedAttempt[]>();
    for (const { line, value } of await readJsonl(path)) {
      const attempt = validateAttempt(value, { file: path, line });
      const list = byTask.get(attempt.task_id) ?? [];
      list[attempt.attempt] = attempt;
      byTask.set(attempt.task_id, list);
    }
    attempts = byTask;
    return byTask;
  };
  return {
    async prepare() {
      await load();
    },
    async respond(request) {
      const started = performance.now();
      const recorded = (await load()).get(request.problem.id)?.filter(Boolean) ?? [];
      if (recorded.length === 0) {
        return {
          text: '',
          toolCalls: [],
          finishReason: 'error',
          latencyMs: 0,
          error: {
            class: 'missing_sample',
            message: `${path} has no recorded attempt for ${request.problem.id}`,
            retryable: false,
          },
        };
      }
      const attempt = recorded[request.sampleIndex % recorded.length] as RecordedAttempt;
      const turn = attempt.turns[request.turn - 1] ?? { text: 'I am done.', tool_calls: [] };
      const toolCalls: AgentToolCall[] = turn.tool_calls.map((call, index) => ({
        id: `call_${request.turn}_${index + 1}`,
        name: call.name,
        arguments: call.arguments,
      }));
      const sent = request.system.length + JSON.stringify(request.messages).length;
      const written = turn.text.length + JSON.stringify(turn.tool_calls).length;
      return {
        text: turn.text,
        toolCalls,
        finishReason: toolCalls.length > 0 ? 'tool-calls' : 'stop',
        usage: { inputTokens: Math.ceil(sent / 4), outputTokens: Math.ceil(written / 4) },
        latencyMs: Math.round(performance.now() - started),
      };
    },
  };
}
