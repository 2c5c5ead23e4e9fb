import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testScope } from '@passk/core/conformance';
import { DEMO_PROBLEMS_PATH } from '@passk/datasets';
import {
  type FakeAnswer,
  type FakeModelServer,
  type FakeRequest,
  startFakeModelServer,
} from '@passk/providers/test';
import { afterEach, describe, expect, it } from 'vitest';
import { args, runCli, workspace } from './run-cli.ts';

const KEYS = { OPENAI_API_KEY: 'sk-passk-secret-openai', ANTHROPIC_API_KEY: 'sk-ant-passk-secret' };

const problems = readFileSync(DEMO_PROBLEMS_PATH, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { task_id: string; prompt: string; test: string });
const promptOf = (taskId: string) =>
  problems.find((problem) => problem.task_id === taskId)?.prompt as string;

const COMPRESS_WRONG = `${promptOf('demo/4')}    from itertools import groupby\n    return "".join(f"{c}{len(list(g))}" for c, g in groupby(s))\n`;
const COMPRESS_RIGHT = `${promptOf('demo/4')}    from itertools import groupby\n    out = []\n    for c, g in groupby(s):\n        n = len(list(g))\n        out.append(c if n == 1 else f"{c}{n}")\n    return "".join(out)\n`;
/** Passes the two docstring examples of demo/1 and nothing else. */
const INITIALS_OVERFIT = `def initials(full_name):\n    return {"ada lovelace": "A.L.", "  grace   brewster hopper ": "G.B.H."}[full_name]\n`;
const DIGITAL_ROOT = `${promptOf('demo/7')}    while n >= 10:\n        n = sum(int(d) for d in str(n))\n    return n\n`;

/** Correct, and tries the network first (the error caught and printed): a pass all the same. */
const DAYS_PROBING = `import socket\ntry:\n    socket.create_connection(("1.1.1.1", 53), timeout=5)\nexcept OSError as error:\n    print(error)\n\n${promptOf('demo/3')}    if month == 2:\n        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28\n    return 30 if month in (4, 6, 9, 11) else 31\n`;
/** Tries to write /etc/passwd and read /root/.ssh, printing what it got. */
const FILE_PROBE = `for path, mode in (("/etc/passwd", "a"), ("/root/.ssh/id_rsa", "r")):\n    try:\n        open(path, mode)\n    except OSError as error:\n        print(error)\n`;

type Answer = Partial<FakeAnswer> & { readonly text: string };
const tool = (
  name: string,
  input: Record<string, unknown> | string,
  id = `call_${name}`,
): Answer => ({
  text: '',
  toolCalls: [{ id, name, arguments: input }],
});

/**
 * The scripted agents, one per demo problem (found by the entry point the task message names),
 * each reacting to what its tools answered.
 */
function scriptedAgent(request: FakeRequest): Answer {
  const last = request.toolResults.at(-1);
  const task = /function `(\w+)`/.exec(request.prompt)?.[1];
  switch (task) {
    // Fails a visible test, reads the failure, fixes and submits.
    case 'compress_runs':
      if (request.turns === 0) return tool('run_tests', { code: COMPRESS_WRONG });
      if (last?.content.includes("returned 'a3b1c2', expected 'a3bc2'"))
        return tool('run_tests', { code: COMPRESS_RIGHT }, 'call_fix');
      if (last?.content.startsWith('passed')) return tool('submit', { code: COMPRESS_RIGHT });
      return { text: `unexpected tool result: ${last?.content}` };
    // Never submits: tests once, then answers in prose.
    case 'sum_odd_squares':
      if (request.turns === 0)
        return tool('run_tests', { code: `${promptOf('demo/0')}    return 0\n` });
      return { text: 'I cannot solve this one.' };
    // Loops until the turn budget.
    case 'clamp_all':
      return tool('run_code', { code: 'print(input())', stdin: `turn ${request.turns + 1}` });
    // Passes the visible tests, fails the hidden ones.
    case 'initials':
      if (request.turns === 0) return tool('run_tests', { code: INITIALS_OVERFIT });
      return tool('submit', { code: INITIALS_OVERFIT });
    // Bad arguments first; the tool error goes back and the attempt continues.
    case 'digital_root':
      if (request.turns === 0)
        return request.protocol === 'openai-chat'
          ? tool('run_tests', '{"code": "def digital_root(n):', 'call_broken')
          : tool('run_tests', { source: DIGITAL_ROOT }, 'call_broken');
      // Anthropic marks the result is_error; OpenAI chat sends the SDK's {"error": …} text.
      if (
        last?.isError ||
        last?.content.includes('expected {\\"code\\"') ||
        last?.content.includes('expected {"code"')
      )
        return tool('submit', { code: DIGITAL_ROOT });
      return { text: `expected a tool error, got: ${last?.content}` };
    // Tries the network and files outside its work directory, then solves and submits.
    case 'days_in_month':
      if (request.turns === 0)
        return tool('run_code', {
          code: 'import socket\nsocket.create_connection(("1.1.1.1", 53), timeout=5)\n',
        });
      if (request.turns === 1) return tool('run_code', { code: FILE_PROBE }, 'call_files');
      if (request.turns === 2) return tool('run_tests', { code: DAYS_PROBING });
      return tool('submit', { code: DAYS_PROBING });
    default:
      return { text: `unknown task ${task}` };
  }
}

const servers: FakeModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const TASKS = 'demo/0,demo/1,demo/2,demo/4,demo/7';

interface StoredSample {
  task_id: string;
  completion: string;
  agent: {
    end_reason: string;
    code_source: string;
    turns: number;
    tool_errors: number;
    final_visible_status?: string;
    contained_tool_calls?: number;
    transcript: {
      type: string;
      name?: string;
      result?: string;
      is_error?: boolean;
      denied?: string[];
    }[];
  };
}

/** Each protocol's run executes about 15 programs: the quick scope checks Anthropic tool use, the full one both. */
const FULL = testScope() === 'full';

describe('agent runs over the wire', { timeout: 240_000 }, () => {
  for (const [name, model, quick] of [
    [
      'OpenAI chat tool calling',
      (url: FakeModelServer) =>
        args`--model openai:gpt-4.1-mini --api chat --base-url ${url.baseUrls.openai}`,
      false,
    ],
    [
      'Anthropic tool use',
      (url: FakeModelServer) =>
        args`--model anthropic:claude-sonnet-4-20250514 --base-url ${url.baseUrls.anthropic}`,
      true,
    ],
  ] as const) {
    it.skipIf(!FULL && quick !== true)(
      `${name}: fix after a failure, never submit, turn budget, over-fitting, bad arguments`,
      async () => {
        const server = await startFakeModelServer({ answer: scriptedAgent });
        servers.push(server);
        const { dir, env } = workspace();
        const result = await runCli(
          [
            ...args`run --dataset demo --tasks ${TASKS} --agent --max-turns 3 --seed 1 --json --out r`,
            ...model(server),
          ],
          { cwd: dir, env: { ...env, ...KEYS } },
        );
        expect(result.code, result.stderr).toBe(0);
        const summary = JSON.parse(result.stdout);
        const samples = readFileSync(join(dir, 'r', 'samples.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as StoredSample);
        const results = readFileSync(join(dir, 'r', 'results.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map(
            (line) =>
              JSON.parse(line) as {
                task_id: string;
                passed: boolean;
                first_code?: { passed: boolean };
              },
          );
        const of = (taskId: string) => {
          const sample = samples.find((entry) => entry.task_id === taskId) as StoredSample;
          const verdict = results.find((entry) => entry.task_id === taskId);
          return {
            ...sample.agent,
            completion: sample.completion,
            passed: verdict?.passed,
            first: verdict?.first_code,
          };
        };

        expect(of('demo/4')).toMatchObject({
          end_reason: 'submitted',
          turns: 3,
          passed: true,
          first: { passed: false },
        });
        expect(
          of('demo/4').transcript.filter((entry) => entry.type === 'tool')[0]?.result,
        ).toContain("example 1: compress_runs(\"aaabcc\") returned 'a3b1c2', expected 'a3bc2'");
        expect(of('demo/0')).toMatchObject({
          end_reason: 'model_stopped',
          code_source: 'last_code',
          passed: false,
        });
        expect(of('demo/2')).toMatchObject({
          end_reason: 'max_turns',
          turns: 3,
          code_source: 'none',
          passed: false,
        });
        expect(
          of('demo/2').transcript.filter((entry) => entry.name === 'run_code')[2]?.result,
        ).toContain('turn 3');
        expect(of('demo/1')).toMatchObject({
          end_reason: 'submitted',
          final_visible_status: 'passed',
          passed: false,
        });
        expect(of('demo/7')).toMatchObject({
          end_reason: 'submitted',
          tool_errors: 1,
          passed: true,
        });
        expect(of('demo/7').transcript.find((entry) => entry.is_error)?.result).toMatch(
          /^error: (arguments are not valid JSON|unknown argument 'source'); expected \{"code": "<program>"\}$/,
        );
        expect(summary.agent).toMatchObject({
          attempts: 5,
          end_reasons: { submitted: 3, model_stopped: 1, max_turns: 1 },
          repaired: 1,
          passes_visible_fails_hidden: 1,
        });
        expect(summary.pass_at_k['1'].estimate).toBeCloseTo(2 / 5);

        // The hidden tests never reach the model: not in any transcript, not in any request.
        const sent = JSON.stringify(server.requests.map((request) => request.body));
        const stored = JSON.stringify(samples.map((sample) => sample.agent.transcript));
        for (const taskId of TASKS.split(',')) {
          const hidden = problems.find((problem) => problem.task_id === taskId)?.test as string;
          for (const line of hidden.split('\n').filter((text) => text.includes('assert'))) {
            expect(sent).not.toContain(JSON.stringify(line.trim()).slice(1, -1));
            expect(stored).not.toContain(JSON.stringify(line.trim()).slice(1, -1));
          }
        }
        expect(sent).not.toContain('def check(candidate)');
        expect(stored).not.toContain('def check(candidate)');
      },
    );
  }

  it('reports the tool calls whose program tried the network or files outside its work directory; the attempt and verdict go on', async () => {
    const server = await startFakeModelServer({ answer: scriptedAgent });
    servers.push(server);
    const { dir, env } = workspace();
    const result = await runCli(
      [
        ...args`run --dataset demo --tasks demo/3 --agent --max-turns 5 --seed 1 --json --out r`,
        ...args`--model anthropic:claude-sonnet-4-20250514 --base-url ${server.baseUrls.anthropic}`,
      ],
      { cwd: dir, env: { ...env, ...KEYS } },
    );
    expect(result.code, result.stderr).toBe(0);
    const [sample] = readFileSync(join(dir, 'r', 'samples.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as StoredSample);
    const [verdict] = readFileSync(join(dir, 'r', 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; passed: boolean });
    const tools = sample?.agent.transcript.filter((entry) => entry.type === 'tool') ?? [];
    expect(tools.map((entry) => [entry.name, entry.denied])).toEqual([
      ['run_code', ['network']],
      ['run_code', ['filesystem']],
      ['run_tests', ['network']],
      ['submit', undefined],
    ]);
    // What the model read: the sandbox's refusals, as the program met them.
    expect(tools[0]?.result).toContain('Network is unreachable');
    expect(tools[1]?.result).toContain("Permission denied: '/etc/passwd'");
    expect(tools[1]?.result).toContain("No such file or directory: '/root/.ssh/id_rsa'");
    expect(tools[2]?.result).toMatch(/^passed/);
    expect(sample?.agent).toMatchObject({
      end_reason: 'submitted',
      turns: 4,
      tool_calls: 4,
      denied_tool_calls: 3,
      final_visible_status: 'passed',
    });
    expect(sample?.agent.contained_tool_calls).toBeUndefined();
    expect(verdict).toMatchObject({ status: 'passed', passed: true });

    const summary = JSON.parse(result.stdout);
    expect(summary.agent).toMatchObject({
      attempts: 1,
      contained_tool_calls: 0,
      denied_tool_calls: 3,
      denied_access: { network: 2, filesystem: 1 },
    });
    expect(summary.pass_at_k['1'].estimate).toBe(1);
    const text = await runCli(args`report r`, { cwd: dir, env });
    expect(text.stdout).toContain(
      '0 stopped at a sandbox limit; 3 denied access: network 2, files 1',
    );
    const html = await runCli(args`report r --format html --output r.html`, { cwd: dir, env });
    expect(html.code, html.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(
      'tool calls stopped at a sandbox limit: 0 · denied network access: 2 · denied file access: 1',
    );
  });
});
