/**
 * Bench section `mcp`: what the MCP server adds to checking a program. A passing HumanEval
 * solution (HumanEval/0) is checked BENCH_MCP_ROUNDS times (default 40) with `check_solution`
 * (hidden tests) over stdio against a spawned `passk mcp --workers 1`, alternating with the
 * bare execution of the same program in this process (core's `judgeProgram` on an executor of
 * one slot, as the server has). Median and p95 of both, and the difference at the median.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createRunExecutor, defaultDataContext, judgeProgram } from '@passk/core';
import { createHumanEvalDataset } from '@passk/datasets';
import { createPythonLanguage } from '@passk/languages';
import type { BenchContext, BenchSection } from './section.ts';

const rounds = Number(process.env.BENCH_MCP_ROUNDS ?? 40);
const CODE =
  '    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n';

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

async function run(context: BenchContext) {
  const env = { ...process.env, PASSK_DATA_DIR: context.dataDir, PASSK_OFFLINE: '1' };
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(context.root, 'packages/cli/dist/bin.js'), 'mcp', '--workers', '1'],
    env: env as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  const dataset = createHumanEvalDataset();
  const { problems } = await dataset.load(defaultDataContext(env));
  const program = dataset.buildProgram(problems[0] as never, { code: CODE, kind: 'completion' });
  const language = createPythonLanguage();
  const toolchain = await language.detect();
  const executor = createRunExecutor({ workers: 1, env });
  const mcp: number[] = [];
  const bare: number[] = [];
  const check = async () => {
    const started = performance.now();
    const result = await client.callTool({
      name: 'check_solution',
      arguments: { dataset: 'humaneval', task_id: 'HumanEval/0', code: CODE, tests: 'hidden' },
    });
    if ((result.structuredContent as { status: string }).status !== 'passed')
      throw new Error(`check_solution did not pass: ${JSON.stringify(result)}`);
    return performance.now() - started;
  };
  const execute = async () => {
    const started = performance.now();
    const { verdict } = await judgeProgram({ language, toolchain, executor, program });
    if (!verdict.passed) throw new Error(`bare execution did not pass: ${verdict.detail}`);
    return performance.now() - started;
  };
  await check();
  await execute(); // warm both sides (executor start, warm Python server)
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      mcp.push(await check());
      bare.push(await execute());
    } else {
      bare.push(await execute());
      mcp.push(await check());
    }
  }
  await client.close();
  await executor.close();
  return { mcp, bare };
}

export const mcpBench: BenchSection = {
  name: 'mcp',
  description: 'check_solution round trips over stdio against the bare execution of the program',
  async run(context) {
    const { mcp, bare } = await run(context);
    const row = (name: string, values: number[]) => [
      name,
      values.length,
      quantile(values, 0.5).toFixed(1),
      quantile(values, 0.95).toFixed(1),
    ];
    return {
      title: `MCP: check_solution on HumanEval/0 (passing), ${rounds} rounds, milliseconds`,
      columns: ['path', 'rounds', 'median', 'p95'],
      rows: [
        row('bare execution (judgeProgram)', bare),
        row('check_solution over stdio', mcp),
        ['added by MCP', '', (quantile(mcp, 0.5) - quantile(bare, 0.5)).toFixed(1), ''],
      ],
      data: { mcp, bare },
    };
  },
};
