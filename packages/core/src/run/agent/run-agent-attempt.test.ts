import { describe, expect, it } from 'vitest';
import type { AgentToolCall, AgentTurn } from '../../spec/agent.ts';
import type { Problem } from '../../spec/problem.ts';
import type { SampleRecord } from '../../spec/run.ts';
import type { AgentToolbox } from './agent-toolbox.ts';
import type { TurnRequest } from './request-turn.ts';
import { runAgentAttempt } from './run-agent-attempt.ts';

const problem: Problem = {
  id: 'demo/0',
  datasetId: 'demo',
  language: 'python',
  prompt: 'def add(a, b):\n    """>>> add(1, 2)\n    3\n    """\n',
  entryPoint: 'add',
  tests: 'def check(candidate):\n    assert candidate(40, 2) == 42\n',
  stopSequences: [],
  metadata: {},
};
const WRONG = 'def add(a, b):\n    return a - b\n';
const RIGHT = 'def add(a, b):\n    return a + b\n';

/** Visible tests pass for RIGHT only (the first run takes `delayMs`); run_code echoes its stdin. */
function toolbox(delayMs = 0): AgentToolbox & { runs: string[] } {
  const runs: string[] = [];
  return {
    runs,
    hasVisibleTests: true,
    canRunCode: true,
    async runTests(code, signal) {
      runs.push(code);
      if (delayMs > 0 && runs.length === 1)
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, delayMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
          });
        });
      const passed = code === RIGHT;
      return passed
        ? { status: 'passed', passed, detail: 'passed', durationMs: 1 }
        : {
            status: 'failed',
            passed,
            detail: 'failed: example 1: add(1, 2) returned -1, expected 3',
            durationMs: 1,
            failedExample: { example: 1, input: 'add(1, 2)', expected: '3', message: 'x' },
          };
    },
    async runCode(_code, stdin) {
      return { text: `exit code 0\n${stdin}` };
    },
  };
}

const call = (name: string, args: unknown, id = name): AgentToolCall => ({
  id,
  name,
  arguments: args,
});
const turn = (toolCalls: AgentToolCall[], text = ''): AgentTurn => ({
  text,
  toolCalls,
  finishReason: toolCalls.length > 0 ? 'tool-calls' : 'stop',
  usage: { inputTokens: 10, outputTokens: 5 },
  costUsd: 0.001,
  latencyMs: 3,
});

/** Runs an attempt whose model answers turn t with `script[t - 1]` (then stops). */
async function attempt(
  script: readonly AgentTurn[] | ((request: TurnRequest) => AgentTurn),
  settings = { maxTurns: 10, maxToolCalls: 20, attemptTimeoutMs: 60_000 },
  tools = toolbox(),
) {
  const seen: TurnRequest[] = [];
  const outcome = await runAgentAttempt({
    problem,
    sampleIndex: 2,
    sampling: { seed: 7 },
    settings,
    toolbox: tools,
    requestTurn: async (request) => {
      seen.push(request);
      const answer =
        typeof script === 'function' ? script(request) : (script[request.turn - 1] ?? turn([]));
      return { turn: answer, cached: false, attempts: 1 };
    },
  });
  if ('stopped' in outcome) throw new Error(`stopped: ${outcome.stopped}`);
  return {
    record: outcome.record as SampleRecord & { agent: NonNullable<SampleRecord['agent']> },
    seen,
    tools,
  };
}

describe('runAgentAttempt', () => {
  it('fails a visible test, reads the failure, fixes and submits: the submission is the sample', async () => {
    const { record, seen } = await attempt([
      turn([call('run_tests', { code: WRONG })], 'testing'),
      turn([call('run_tests', { code: RIGHT })], 'fixed'),
      turn([call('submit', { code: RIGHT })]),
    ]);
    expect(record.completion).toBe(RIGHT);
    expect(record.kind).toBe('solution');
    expect(record.finish_reason).toBe('submitted');
    expect(record.agent).toMatchObject({
      end_reason: 'submitted',
      code_source: 'submit',
      turns: 3,
      tool_calls: 3,
      tool_errors: 0,
      first_code: WRONG,
      final_visible_status: 'passed',
    });
    expect(record.usage).toEqual({ inputTokens: 30, outputTokens: 15 });
    expect(record.cost_usd).toBeCloseTo(0.003);
    // The model read the failing example in turn 2.
    const toolMessage = seen[1]?.messages.at(-1);
    expect(toolMessage).toMatchObject({ role: 'tool', toolCallId: 'run_tests', isError: false });
    expect(toolMessage?.role === 'tool' && toolMessage.content).toContain(
      'example 1: add(1, 2) returned -1, expected 3',
    );
    expect(record.agent.transcript.map((entry) => entry.type)).toEqual([
      'system',
      'user',
      'model',
      'tool',
      'model',
      'tool',
      'model',
      'tool',
    ]);
  });

  it('counts the tool calls whose program the sandbox stopped at a limit, and marks them', async () => {
    const tools = toolbox();
    const contained: AgentToolbox & { runs: string[] } = {
      ...tools,
      async runCode(code, stdin) {
        return code.includes('fork')
          ? { text: 'killed: processes limit (step run)', limit: 'processes' }
          : tools.runCode(code, stdin);
      },
    };
    const { record } = await attempt(
      [
        turn([call('run_code', { code: 'import os\nwhile True: os.fork()\n' }, 'a')]),
        turn([call('run_code', { code: 'print(1)\n' }, 'b')]),
        turn([call('submit', { code: RIGHT })]),
      ],
      undefined,
      contained,
    );
    expect(record.agent.contained_tool_calls).toBe(1);
    const tool = record.agent.transcript.filter((entry) => entry.type === 'tool');
    expect(tool.map((entry) => (entry.type === 'tool' ? entry.limit : 'x'))).toEqual([
      'processes',
      undefined,
      undefined,
    ]);
    const { record: clean } = await attempt([turn([call('submit', { code: RIGHT })])]);
    expect(clean.agent.contained_tool_calls).toBeUndefined();
  });

  it('marks and counts the tool calls whose program was denied network or file access, and goes on', async () => {
    const tools = toolbox();
    const denying: AgentToolbox & { runs: string[] } = {
      ...tools,
      async runTests(code, signal) {
        const check = await tools.runTests(code, signal);
        return check && code.includes('/etc/passwd') ? { ...check, denied: ['filesystem'] } : check;
      },
      async runCode(code, stdin) {
        return code.includes('socket')
          ? { text: 'exit code 1', denied: ['network'] }
          : tools.runCode(code, stdin);
      },
    };
    const { record } = await attempt(
      [
        turn([call('run_code', { code: 'import socket\n' }, 'a')]),
        turn([call('run_tests', { code: `open('/etc/passwd', 'a')\n${RIGHT}` }, 'b')]),
        turn([call('run_code', { code: 'print(1)\n' }, 'c')]),
        turn([call('submit', { code: RIGHT })]),
      ],
      undefined,
      denying,
    );
    expect(record.agent).toMatchObject({ end_reason: 'submitted', denied_tool_calls: 2 });
    expect(record.agent.contained_tool_calls).toBeUndefined();
    const tool = record.agent.transcript.filter((entry) => entry.type === 'tool');
    expect(tool.map((entry) => (entry.type === 'tool' ? entry.denied : 'x'))).toEqual([
      ['network'],
      ['filesystem'],
      undefined,
      undefined,
    ]);
    const { record: clean } = await attempt([turn([call('submit', { code: RIGHT })])]);
    expect(clean.agent.denied_tool_calls).toBeUndefined();
  });

  it('never submits: scored on its last tested code, ending model_stopped', async () => {
    const { record } = await attempt([
      turn([call('run_tests', { code: WRONG })]),
      turn([], 'I give up'),
    ]);
    expect(record.agent).toMatchObject({ end_reason: 'model_stopped', code_source: 'last_code' });
    expect(record.completion).toBe(WRONG);
  });

  it('without code at all: an empty sample, never a pass by default', async () => {
    const { record } = await attempt([turn([], 'no idea')]);
    expect(record.agent).toMatchObject({ end_reason: 'model_stopped', code_source: 'none' });
    expect(record.completion).toBe('');
    expect(record.extraction).toEqual({ strategy: 'agent-none', found_code: false });
  });

  it('loops until the turn budget', async () => {
    const { record, seen } = await attempt(() => turn([call('run_code', { code: 'print(1)' })]), {
      maxTurns: 4,
      maxToolCalls: 100,
      attemptTimeoutMs: 60_000,
    });
    expect(seen).toHaveLength(4);
    expect(record.agent).toMatchObject({ end_reason: 'max_turns', turns: 4, tool_calls: 4 });
  });

  it('stops at the tool-call budget, mid-turn', async () => {
    const { record, tools } = await attempt(
      [turn([1, 2, 3].map((index) => call('run_tests', { code: WRONG }, `c${index}`)))],
      { maxTurns: 10, maxToolCalls: 2, attemptTimeoutMs: 60_000 },
    );
    expect(record.agent).toMatchObject({ end_reason: 'max_tool_calls', tool_calls: 2 });
    expect(tools.runs).toHaveLength(2);
  });

  it('bad tool arguments and unknown tools get a clear tool error and the attempt continues', async () => {
    const { record, seen } = await attempt([
      turn([
        call('run_tests', { program: RIGHT }, 'a'),
        call('run_tests', '{"code": ', 'b'),
        call('run_code', { code: 'x', stdin: 3 }, 'c'),
        call('delete_tests', {}, 'd'),
      ]),
      turn([call('submit', { code: RIGHT })]),
    ]);
    const results = seen[1]?.messages.filter((message) => message.role === 'tool') ?? [];
    expect(
      results.map((message) => message.role === 'tool' && [message.isError, message.content]),
    ).toEqual([
      [true, `error: unknown argument 'program'; expected {"code": "<program>"}`],
      [true, 'error: arguments are not valid JSON; expected {"code": "<program>"}'],
      [
        true,
        `error: 'stdin' must be a string; expected {"code": "<program>", "stdin": "<optional input>"}`,
      ],
      [true, "error: unknown tool 'delete_tests'; the tools are run_tests, run_code, submit"],
    ]);
    expect(record.agent).toMatchObject({ end_reason: 'submitted', tool_errors: 4, tool_calls: 5 });
  });

  it('cuts a tool run at the attempt deadline', async () => {
    const { record } = await attempt(
      [turn([call('run_tests', { code: WRONG })])],
      { maxTurns: 10, maxToolCalls: 20, attemptTimeoutMs: 200 },
      toolbox(5_000),
    );
    expect(record.agent.end_reason).toBe('attempt_timeout');
    expect(record.agent.duration_ms).toBeLessThan(4_000);
  });

  it('a model request that failed after its retries is an infrastructure fault on the record', async () => {
    const { record } = await attempt([
      {
        ...turn([]),
        finishReason: 'error',
        error: { class: 'server', message: '503', retryable: true },
      },
    ]);
    expect(record.agent.end_reason).toBe('provider_error');
    expect(record.error?.class).toBe('server');
  });

  it('sends the attempt seed and the tools the problem offers', async () => {
    const { seen } = await attempt([turn([call('submit', { code: RIGHT })])]);
    expect(seen[0]?.sampling.seed).toBe(7);
    expect(seen[0]?.sampleIndex).toBe(2);
    expect(seen[0]?.tools.map((tool) => tool.name)).toEqual(['run_tests', 'run_code', 'submit']);
    expect(seen[0]?.messages[0]?.role === 'user' && seen[0].messages[0].content).not.toContain(
      'candidate(40, 2)',
    );
  });
});
