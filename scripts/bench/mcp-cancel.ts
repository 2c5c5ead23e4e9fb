/**
 * Bench section `mcp-cancel`: how fast `cancel_run` stops a run. Each round spawns `passk mcp`
 * (stdio, sandbox on, 2 workers, an empty cache: nothing comes from earlier rounds), starts the
 * demo dataset with the demo model (n = 5), and calls `cancel_run` once 10 samples are done.
 * Measured per round: the `cancel_run` round trip (it answers once the run has stopped, its
 * sandboxes included, or after 800 ms) and the time until the run directory's lock is gone.
 * BENCH_MCP_CANCEL_ROUNDS rounds (default 10). The target: stopped within 1 s.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { BenchContext, BenchSection } from './section.ts';

const rounds = Number(process.env.BENCH_MCP_CANCEL_ROUNDS ?? 10);

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One round: a new server with an empty cache starts a run and cancels it after 10 samples. */
async function round(context: BenchContext): Promise<{ answer: number; unlocked: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'passk-bench-cancel-'));
  const env = { ...process.env, PASSK_CACHE_DIR: join(dir, 'cache'), PASSK_OFFLINE: '1' };
  const bin = join(context.root, 'packages/cli/dist/bin.js');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--workers', '2', '--runs-dir', join(dir, 'runs')],
    env: env as Record<string, string>,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  type View = { run_id: string; status: string; progress: { done: number } };
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })).structuredContent as View;
  try {
    const { run_id } = await call('start_run', { dataset: 'demo', model: 'demo', n: 5 });
    while ((await call('get_run', { run_id })).progress.done < 10) await sleep(10);
    const started = performance.now();
    const cancelled = await call('cancel_run', { run_id });
    const answer = performance.now() - started;
    if (cancelled.status !== 'cancelled') throw new Error(`cancel_run: ${cancelled.status}`);
    while (existsSync(join(dir, 'runs', run_id, 'run.lock'))) await sleep(2);
    return { answer, unlocked: performance.now() - started };
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const mcpCancelBench: BenchSection = {
  name: 'mcp-cancel',
  description: 'cancel_run over stdio on a running demo run: time until the run has stopped',
  async run(context) {
    const answers: number[] = [];
    const unlocked: number[] = [];
    for (let index = 0; index < rounds; index++) {
      const measured = await round(context);
      answers.push(measured.answer);
      unlocked.push(measured.unlocked);
    }
    const row = (name: string, values: number[]) => [
      name,
      values.length,
      quantile(values, 0.5).toFixed(0),
      Math.max(...values).toFixed(0),
    ];
    return {
      title: `MCP: cancel_run on a running demo run (n = 5, 2 workers), ${rounds} rounds, milliseconds`,
      columns: ['measure', 'rounds', 'median', 'max'],
      rows: [
        row('cancel_run answered (run stopped, or 800 ms)', answers),
        row('run.lock released', unlocked),
      ],
      data: { answers, unlocked },
    };
  },
};
