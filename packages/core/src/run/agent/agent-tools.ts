import type { AgentToolName, AgentToolSpec } from '../../spec/agent.ts';

/** Longest `code` (and `stdin`) an agent tool accepts, in characters. */
export const MAX_TOOL_CODE_CHARS = 200_000;

const CODE = {
  type: 'string',
  description: 'the complete program: the whole function (with its imports), as in the prompt',
};

/** The three tools, as the model sees them. */
export const AGENT_TOOLS: Readonly<Record<AgentToolName, AgentToolSpec>> = {
  run_tests: {
    name: 'run_tests',
    description:
      "Runs your code against the examples shown in the problem statement (the visible tests), in the benchmark's sandbox. Returns the status, the example that failed and how, and the end of the output. The benchmark's own tests are hidden and run only on your submission.",
    inputSchema: {
      type: 'object',
      properties: { code: CODE },
      required: ['code'],
      additionalProperties: false,
    },
  },
  run_code: {
    name: 'run_code',
    description:
      "Runs any program in the problem's language in the sandbox (same limits as the tests), with optional standard input. Returns the exit code and the end of stdout and stderr.",
    inputSchema: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'a whole program' },
        stdin: { type: 'string', description: 'standard input (default empty)' },
      },
      required: ['code'],
      additionalProperties: false,
    },
  },
  submit: {
    name: 'submit',
    description:
      'Submits your final solution and ends the attempt: it is scored by the hidden tests. Call it exactly once, when you are done.',
    inputSchema: {
      type: 'object',
      properties: { code: CODE },
      required: ['code'],
      additionalProperties: false,
    },
  },
};

/** A tool call's arguments, checked: the values, or the message telling the model what is wrong. */
export type ToolArguments =
  | { readonly ok: true; readonly code: string; readonly stdin: string }
  | { readonly ok: false; readonly error: string };

/**
 * Checks the arguments of a call to `tool` (a trust boundary: the model wrote them): an object
 * with a string `code` (at most {@link MAX_TOOL_CODE_CHARS} characters), for `run_code` an
 * optional string `stdin`, and no other field. A markdown fence around the whole code is
 * removed. Never throws.
 */
export function checkToolArguments(tool: AgentToolName, input: unknown): ToolArguments {
  const usage =
    tool === 'run_code'
      ? '{"code": "<program>", "stdin": "<optional input>"}'
      : '{"code": "<program>"}';
  if (typeof input === 'string') {
    return { ok: false, error: `arguments are not valid JSON; expected ${usage}` };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: `arguments must be a JSON object ${usage}` };
  }
  const fields = input as Record<string, unknown>;
  const allowed = tool === 'run_code' ? ['code', 'stdin'] : ['code'];
  const unknown = Object.keys(fields).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `unknown argument ${unknown.map((key) => `'${key}'`).join(', ')}; expected ${usage}`,
    };
  }
  if (typeof fields.code !== 'string') {
    return {
      ok: false,
      error: `'code' ${fields.code === undefined ? 'is missing' : 'must be a string'}; expected ${usage}`,
    };
  }
  if (fields.stdin !== undefined && typeof fields.stdin !== 'string') {
    return { ok: false, error: `'stdin' must be a string; expected ${usage}` };
  }
  const stdin = (fields.stdin as string | undefined) ?? '';
  if (fields.code.length > MAX_TOOL_CODE_CHARS || stdin.length > MAX_TOOL_CODE_CHARS) {
    return {
      ok: false,
      error: `'code' and 'stdin' may have at most ${MAX_TOOL_CODE_CHARS} characters`,
    };
  }
  if (fields.code.trim() === '') return { ok: false, error: `'code' is empty; expected ${usage}` };
  return { ok: true, code: withoutFence(fields.code), stdin };
}

/** `code` without one markdown fence around all of it. */
function withoutFence(code: string): string {
  const match = /^\s*```[\w+-]*\n([\s\S]*?)\n?```\s*$/.exec(code);
  return match ? `${match[1]}\n` : code;
}
