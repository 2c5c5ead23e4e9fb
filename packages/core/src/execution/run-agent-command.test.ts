import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../../scripts/test-support/temporary-directory.ts';
import { runAgentCommand } from './run-agent-command.ts';

function script(body: string): { dir: string; path: string } {
  const dir = temporaryDirectory('passk-agent-command-');
  const path = join(dir, 'agent.sh');
  writeFileSync(path, `#!/bin/bash\n${body}\n`);
  chmodSync(path, 0o755);
  return { dir, path };
}

describe('runAgentCommand', () => {
  it('reports the exit code and output tails of a program that ends', async () => {
    const { dir, path } = script('echo "out $PASSK_X"; echo err >&2; exit 4');
    const outcome = await runAgentCommand({
      executable: path,
      cwd: dir,
      env: { PATH: process.env.PATH, PASSK_X: 'x' },
      timeoutMs: 10_000,
    });
    expect(outcome).toMatchObject({
      exitCode: 4,
      signal: null,
      timedOut: false,
      aborted: false,
      stdoutTail: 'out x\n',
      stderrTail: 'err\n',
    });
  });

  it('kills the process group on abort', async () => {
    const { dir, path } = script('sleep 30');
    const controller = new AbortController();
    const pending = runAgentCommand({
      executable: path,
      cwd: dir,
      env: { PATH: process.env.PATH },
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    const outcome = await pending;
    expect(outcome).toMatchObject({ aborted: true, timedOut: false, signal: 'SIGKILL' });
    expect(outcome.durationMs).toBeLessThan(5_000);
  });

  it('says why a program could not start', async () => {
    const dir = temporaryDirectory('passk-agent-command-');
    const outcome = await runAgentCommand({
      executable: join(dir, 'missing'),
      cwd: dir,
      env: {},
      timeoutMs: 1_000,
    });
    expect(outcome.exitCode).toBeNull();
    expect(outcome.spawnError).toContain('ENOENT');
  });
});
