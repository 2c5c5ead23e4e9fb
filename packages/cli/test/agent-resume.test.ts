import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testScope } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { args, BIN, runCli, workspace } from './run-cli.ts';

const lines = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
    : [];
const keysOf = (path: string) =>
  lines(path).map((line) => {
    const record = JSON.parse(line) as { task_id: string; sample_index: number };
    return `${record.task_id}#${record.sample_index}`;
  });

/** Three `passk run --agent` processes (about a minute on a loaded machine): full scope only. */
const FULL = testScope() === 'full';

describe('agent runs resume per attempt', { timeout: 240_000 }, () => {
  it.skipIf(!FULL)(
    'after a kill -9, the same command finishes with the records and summary of an uninterrupted run; finished attempts are not redone',
    async () => {
      const { dir, env } = workspace();
      const command = (out: string) =>
        args`run --dataset demo --model demo --agent --limit 2 -k 1,5 --out ${out} --json --no-cache`;
      const reference = await runCli(command('uninterrupted'), { cwd: dir, env });
      expect(reference.code, reference.stderr).toBe(0);

      const child = spawn(process.execPath, [BIN, ...command('resumed')], {
        cwd: dir,
        env,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('close', resolve));
      const deadline = Date.now() + 60_000;
      while (lines(join(dir, 'resumed/samples.jsonl')).length < 6 && Date.now() < deadline)
        await sleep(10);
      child.kill('SIGKILL');
      await exited;
      const before = lines(join(dir, 'resumed/samples.jsonl'));
      expect(before.length).toBeGreaterThanOrEqual(6);
      expect(before.length).toBeLessThan(20);

      const resumed = await runCli(command('resumed'), { cwd: dir, env });
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = lines(join(dir, 'resumed/samples.jsonl'));
      // Each finished attempt stays as it was (transcript included); only the others were run.
      expect(after.slice(0, before.length)).toEqual(before);
      expect(new Set(keysOf(join(dir, 'resumed/samples.jsonl'))).size).toBe(20);
      expect(new Set(keysOf(join(dir, 'resumed/results.jsonl'))).size).toBe(20);
      const summary = JSON.parse(resumed.stdout);
      expect(summary).toEqual(JSON.parse(reference.stdout));
      expect(summary.agent.attempts).toBe(20);
    },
  );
});
