import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { PasskMcpServer } from '@passk/mcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectInMemory, structured, workspaceServer } from './mcp-client.ts';
import { runCli, workspace } from './run-cli.ts';

/** One program per verdict, each on its own HumanEval task (completions of the prompt). */
const CASES: { readonly task: string; readonly status: string; readonly code: string }[] = [
  {
    task: 'HumanEval/0',
    status: 'passed',
    code: '    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n',
  },
  { task: 'HumanEval/1', status: 'failed', code: '    return []\n' },
  { task: 'HumanEval/2', status: 'compile_error', code: '    return (\n' },
  { task: 'HumanEval/3', status: 'timeout', code: '    while True:\n        pass\n' },
  {
    task: 'HumanEval/4',
    status: 'memory_limit',
    code: '    block = bytearray(16 * 1024 ** 3)\n    return 0.0\n',
  },
  // Hostile: leaves before the tests can fail, with exit status 0 (passk does not pass it).
  { task: 'HumanEval/5', status: 'runtime_error', code: '    import os\n    os._exit(0)\n' },
];

describe('check_solution (in-memory client, real sandbox)', () => {
  let server: PasskMcpServer;
  let client: Client;
  const work = workspace();
  const { dir, env } = work;
  beforeAll(async () => {
    server = workspaceServer(work, { maxConcurrentExecutions: 2 });
    client = await connectInMemory(server);
  });
  afterAll(() => server.close());

  it('gives the verdict passk evaluate gives on the same code, for every status', async () => {
    writeFileSync(
      join(dir, 'samples.jsonl'),
      CASES.map((item) => JSON.stringify({ task_id: item.task, completion: item.code })).join('\n'),
    );
    const evaluated = await runCli(
      ['evaluate', 'samples.jsonl', '--dataset', 'humaneval', '--out', 'run', '-k', '1'],
      { cwd: dir, env },
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const byTask = new Map(
      readFileSync(join(dir, 'run/results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { task_id: string; status: string })
        .map((record) => [record.task_id, record.status]),
    );
    const checked = await Promise.all(
      CASES.map(async (item) => {
        const result = await client.callTool({
          name: 'check_solution',
          arguments: { dataset: 'humaneval', task_id: item.task, code: item.code, tests: 'hidden' },
        });
        return { item, result };
      }),
    );
    for (const { item, result } of checked) {
      const verdict = structured<Record<string, unknown>>(result);
      expect(byTask.get(item.task), item.task).toBe(item.status);
      expect(verdict.status, item.task).toBe(item.status);
      expect(verdict.passed).toBe(item.status === 'passed');
      expect(verdict.kind).toBe('completion');
      // Hidden tests: status, passed and duration only; never the tests' text or output.
      expect(Object.keys(verdict).sort()).toEqual(
        ['duration_ms', 'kind', 'passed', 'status', 'tests'].sort(),
      );
      expect(JSON.stringify(result)).not.toMatch(/candidate|assert|METADATA/);
    }
  });

  it('visible tests say which example failed and how; a whole program is read as a solution', async () => {
    const failing = await client.callTool({
      name: 'check_solution',
      arguments: {
        dataset: 'humaneval',
        task_id: 'HumanEval/0',
        code: '    return True\n',
        tests: 'visible',
      },
    });
    expect(structured(failing)).toMatchObject({
      status: 'failed',
      passed: false,
      tests: 'visible',
      failed_example: {
        example: 1,
        input: 'has_close_elements([1.0, 2.0, 3.0], 0.5)',
        expected: 'False',
        message: 'has_close_elements([1.0, 2.0, 3.0], 0.5) returned True, expected False',
      },
    });
    const solution = await client.callTool({
      name: 'check_solution',
      arguments: {
        dataset: 'humaneval',
        task_id: 'HumanEval/0',
        code: `from typing import List\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n${CASES[0]?.code}`,
        tests: 'visible',
      },
    });
    expect(structured(solution)).toMatchObject({ status: 'passed', kind: 'solution' });
  });

  it('a dataset or problem without visible tests says so; bad arguments name the field', async () => {
    // HumanEval/41's prompt shows no >>> example.
    const problem = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'humaneval', task_id: 'HumanEval/41' },
    });
    expect(structured(problem)).toMatchObject({ visible_tests: false, visible_examples: [] });
    const none = await client.callTool({
      name: 'check_solution',
      arguments: {
        dataset: 'humaneval',
        task_id: 'HumanEval/41',
        code: '    return None\n',
        tests: 'visible',
      },
    });
    expect(none.isError).toBe(true);
    expect((none.content as { text: string }[])[0]?.text).toMatch(/no visible tests.*hidden/);
    const noDataset = await client.callTool({
      name: 'check_solution',
      arguments: { dataset: 'humaneval-plus', task_id: 'HumanEval/0', code: 'x', tests: 'visible' },
    });
    expect(noDataset.isError).toBe(true);
    expect((noDataset.content as { text: string }[])[0]?.text).toMatch(
      /does not offer visible tests/,
    );
    const bad = await client.callTool({
      name: 'check_solution',
      arguments: { dataset: 'humaneval', task_id: 'HumanEval/0', code: 'x', tests: 'all' },
    });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(/tests/);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(/visible.*hidden/);
  });
});
