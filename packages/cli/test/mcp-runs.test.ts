import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { PasskMcpServer } from '@passk/mcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../src/builtin-registry.ts';
import { startPasskRun } from '../src/commands/mcp.ts';
import { connectInMemory, structured, workspaceServer } from './mcp-client.ts';
import { args as cliArgs, runCli, workspace } from './run-cli.ts';

interface RunView {
  run_id: string;
  uri: string;
  status: string;
  progress: { done: number; total: number; passed: number };
  summary?: { pass_at_k: unknown; statuses: unknown; samples: number; problems: number };
}

describe('runs over MCP (demo dataset, demo model, offline)', () => {
  let server: PasskMcpServer;
  let client: Client;
  const work = workspace();
  const { dir, env } = work;
  const progress: { progress: number; total?: number; message?: string }[] = [];
  beforeAll(async () => {
    server = workspaceServer(work, {
      startRun: startPasskRun(createBuiltinRegistry()),
      maxConcurrentExecutions: 2,
    });
    client = await connectInMemory(server);
    client.setNotificationHandler(ProgressNotificationSchema, (notification) => {
      if (notification.params.progressToken === 'demo-run') progress.push(notification.params);
    });
  });
  afterAll(() => server.close());

  const getRun = async (runId: string) =>
    structured<RunView>(await client.callTool({ name: 'get_run', arguments: { run_id: runId } }));
  const args = { dataset: 'demo', model: 'demo', n: 5, k: [1, 5] };

  it('starts at once, sends progress, cancels within 1 s, resumes, and ends with the summary passk run gives', async () => {
    const startedAt = Date.now();
    const started = structured<RunView>(
      await client.callTool({
        name: 'start_run',
        arguments: args,
        _meta: { progressToken: 'demo-run' },
      }),
    );
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(started.uri).toBe(`passk://runs/${started.run_id}/summary`);
    while (progress.filter((item) => item.progress > 0).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await getRun(started.run_id)).status).toBe('running');
    const cancelAt = Date.now();
    const cancelled = structured<RunView>(
      await client.callTool({ name: 'cancel_run', arguments: { run_id: started.run_id } }),
    );
    expect(Date.now() - cancelAt).toBeLessThan(1000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress.done).toBeLessThan(180);
    const listed = structured<{ runs: RunView[] }>(
      await client.callTool({ name: 'list_runs', arguments: {} }),
    );
    expect(listed.runs.map((run) => run.run_id)).toContain(started.run_id);

    const restarted = structured<RunView>(
      await client.callTool({ name: 'start_run', arguments: args }),
    );
    expect(restarted.run_id).toBe(started.run_id);
    let view = await getRun(started.run_id);
    while (view.status === 'queued' || view.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = await getRun(started.run_id);
    }
    expect(view.status).toBe('done');
    expect(view.progress).toMatchObject({ done: 180, total: 180 });
    const last = progress.at(-1);
    expect(last?.total).toBe(180);
    expect(last?.message).toMatch(/pass@1 so far/);

    const cli = await runCli(
      [
        'run',
        '--dataset',
        'demo',
        '--model',
        'demo',
        '-n',
        '5',
        '-k',
        '1,5',
        '--json',
        '--out',
        'cli',
      ],
      { cwd: dir, env },
    );
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout);
    expect(view.summary?.pass_at_k).toEqual(expected.pass_at_k);
    expect(view.summary?.statuses).toEqual(expected.statuses);
    expect(view.summary?.samples).toBe(180);

    const report = await client.readResource({ uri: `passk://runs/${started.run_id}/report` });
    expect((report.contents[0] as { text: string }).text).toContain('pass@1');
    const summary = await client.readResource({ uri: started.uri });
    expect(JSON.parse((summary.contents[0] as { text: string }).text)).toEqual(
      JSON.parse(readFileSync(join(dir, 'runs', started.run_id, 'summary.json'), 'utf8')),
    );
  }, 300_000);

  it('compare_runs gives what passk compare --json gives on the same two runs, and refuses unknown runs', async () => {
    const finished = async (model: string) => {
      const { run_id } = structured<RunView>(
        await client.callTool({
          name: 'start_run',
          arguments: { dataset: 'demo', model, n: 2, k: [1] },
        }),
      );
      let view = await getRun(run_id);
      while (view.status === 'queued' || view.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = await getRun(run_id);
      }
      expect(view.status).toBe('done');
      return run_id;
    };
    const [demo, reference] = [await finished('demo'), await finished('reference')];
    const result = await client.callTool({
      name: 'compare_runs',
      arguments: { run_a: demo, run_b: reference },
    });
    expect(result.isError).toBeFalsy();
    const comparison = structured<{
      shared_problems: number;
      k: Record<string, { difference: number }>;
      flipped: unknown[];
    }>(result);
    expect(comparison.shared_problems).toBe(36);
    expect(comparison.k['1']?.difference).toBeLessThan(0);
    const cli = await runCli(
      cliArgs`compare ${join(dir, 'runs', demo)} ${join(dir, 'runs', reference)} --json`,
      { cwd: dir, env },
    );
    expect(cli.code, cli.stderr).toBe(0);
    expect(comparison).toEqual(JSON.parse(cli.stdout));

    const unknown = await client.callTool({
      name: 'compare_runs',
      arguments: { run_a: demo, run_b: 'no-such-run' },
    });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toMatch(/no run 'no-such-run'/);
  }, 300_000);

  it('closing the server stops its runs and releases their directories (resumable)', async () => {
    const started = structured<RunView>(
      await client.callTool({
        name: 'start_run',
        arguments: { dataset: 'demo', model: 'demo', n: 3 },
        _meta: { progressToken: 'closing' },
      }),
    );
    let view = await getRun(started.run_id);
    while (view.progress.done === 0 && view.status !== 'done') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = await getRun(started.run_id);
    }
    await server.close();
    const directory = join(dir, 'runs', started.run_id);
    expect(existsSync(join(directory, 'manifest.json'))).toBe(true);
    expect(existsSync(join(directory, 'run.lock'))).toBe(false);
    // A new server sees the stopped run on disk; the same arguments resume it there.
    server = workspaceServer(work, { startRun: startPasskRun(createBuiltinRegistry()) });
    client = await connectInMemory(server);
    expect((await getRun(started.run_id)).status).toBe(
      view.status === 'done' ? 'done' : 'cancelled',
    );
  }, 120_000);

  it('bad start_run arguments are isError results', async () => {
    const both = await client.callTool({
      name: 'start_run',
      arguments: { dataset: 'demo', model: 'demo', samples: 'x.jsonl' },
    });
    expect(both.isError).toBe(true);
    const badN = await client.callTool({
      name: 'start_run',
      arguments: { dataset: 'demo', model: 'demo', n: 0 },
    });
    expect(badN.isError).toBe(true);
    expect((badN.content as { text: string }[])[0]?.text).toMatch(/\bn\b/);
    const unknown = await client.callTool({ name: 'get_run', arguments: { run_id: 'nope' } });
    expect(unknown.isError).toBe(true);
  });
});
