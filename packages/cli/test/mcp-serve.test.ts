import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, workspace } from './run-cli.ts';

describe('passk mcp over stdio (a spawned process)', () => {
  it('answers tools/list and get_problem on stdout, logs nothing there, exits 0 when the client closes', async () => {
    const { dir, env } = workspace();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      cwd: dir,
      env: env as Record<string, string>,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio-test', version: '1' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['list_datasets', 'get_problem']),
    );
    const problem = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'demo', index: 0 },
    });
    expect((problem.structuredContent as { task_id: string }).task_id).toBe('demo/0');
    const pid = transport.pid as number;
    const exited = new Promise<number | null>((resolve) => {
      const timer = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch {
          clearInterval(timer);
          resolve(0);
        }
      }, 50);
    });
    await client.close();
    expect(await exited).toBe(0);
  });
});

describe('passk mcp --http (a spawned process)', () => {
  let child: ChildProcess;
  let url: URL;
  let token: string;
  let stderr = '';
  beforeAll(async () => {
    const { dir, env } = workspace();
    child = spawn(process.execPath, [BIN, 'mcp', '--http', '127.0.0.1:0'], {
      cwd: dir,
      env: { ...env, PASSK_MCP_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (/bearer token.*: \S+\n/.test(stderr)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`passk mcp exited ${code}: ${stderr}`)));
    });
    url = new URL(/at (http:\S+)/.exec(stderr)?.[1] as string);
    token = /bearer token.*: (\S+)\n/.exec(stderr)?.[1] as string;
    expect(url.hostname).toBe('127.0.0.1');
    expect(stdout).toBe('');
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const connect = async (headers: Record<string, string>) => {
    const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
    const client = new Client({ name: 'http-test', version: '1' });
    await client.connect(transport);
    return { client, transport };
  };
  const raw = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'x', version: '1' },
        },
      });
      const outgoing = request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            ...headers,
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode as number);
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });

  it('refuses a client without the token, or with a wrong one (401)', async () => {
    await expect(connect({})).rejects.toThrow(/401|token/i);
    expect(await raw({})).toBe(401);
    expect(await raw({ authorization: 'Bearer wrong' })).toBe(401);
    expect(await raw({ authorization: `Bearer ${token}` })).toBe(200);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding), even with the token', async () => {
    expect(await raw({ authorization: `Bearer ${token}`, host: `evil.example:${url.port}` })).toBe(
      403,
    );
    expect(await raw({ authorization: `Bearer ${token}`, origin: 'http://evil.example' })).toBe(
      403,
    );
    expect(
      await raw({ authorization: `Bearer ${token}`, origin: `http://localhost:${url.port}` }),
    ).toBe(200);
  });

  it('serves two clients at once in separate sessions', async () => {
    const first = await connect({ authorization: `Bearer ${token}` });
    const second = await connect({ authorization: `Bearer ${token}` });
    expect(first.transport.sessionId).toBeTruthy();
    expect(second.transport.sessionId).toBeTruthy();
    expect(first.transport.sessionId).not.toBe(second.transport.sessionId);
    const [a, b] = await Promise.all([
      first.client.callTool({ name: 'get_problem', arguments: { dataset: 'demo', index: 1 } }),
      second.client.callTool({
        name: 'get_problem',
        arguments: { dataset: 'humaneval', index: 2 },
      }),
    ]);
    expect((a.structuredContent as { task_id: string }).task_id).toBe('demo/1');
    expect((b.structuredContent as { task_id: string }).task_id).toBe('HumanEval/2');
    await first.transport.terminateSession();
    await first.client.close();
    // The second session is unaffected by the first one's end.
    const again = await second.client.callTool({ name: 'list_datasets', arguments: {} });
    expect(again.isError).toBeFalsy();
    await second.client.close();
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping');
  });
});
