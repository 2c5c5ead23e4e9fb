import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('(quick) kill -9 with 2 of 4 attempts in flight: the resumed run equals an uninterrupted one, the 2 redone from their start', async () => {
    const { dir, env } = workspace();
    const hold = join(dir, 'hold');
    const seen = join(dir, 'seen');
    // Attempts 0 and 2 right, 1 and 3 wrong; every start is logged; while `hold` exists,
    // attempts 2 and 3 wait (in flight) after logging their start.
    const agent = join(dir, 'agent.sh');
    writeFileSync(
      agent,
      [
        '#!/bin/bash',
        `echo "$PASSK_ATTEMPT" >> ${seen}`,
        `if [ -e ${hold} ] && [ "$PASSK_ATTEMPT" -ge 2 ]; then sleep 300; fi`,
        "if [ $((PASSK_ATTEMPT % 2)) = 0 ]; then op='x * x'; else op='x'; fi",
        'printf "def sum_odd_squares(nums):\\n    return sum(%s for x in nums if x %% 2)\\n" "$op" > solution.py',
        '',
      ].join('\n'),
    );
    chmodSync(agent, 0o755);
    const command = (out: string) =>
      args`run --dataset demo --model command:./agent.sh --agent --limit 1 -n 4 -k 1,2 --concurrency 2 --out ${out} --json --no-cache`;
    const reference = await runCli(command('uninterrupted'), { cwd: dir, env });
    expect(reference.code, reference.stderr).toBe(0);
    expect(JSON.parse(reference.stdout).statuses).toMatchObject({ passed: 2, failed: 2 });

    writeFileSync(hold, '');
    writeFileSync(seen, '');
    const child = spawn(process.execPath, [BIN, ...command('resumed')], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const starts = () => lines(seen).map(Number);
    while (
      lines(join(dir, 'resumed/samples.jsonl')).length < 2 ||
      !(starts().includes(2) && starts().includes(3))
    )
      await sleep(20);
    child.kill('SIGKILL');
    await exited;
    const before = lines(join(dir, 'resumed/samples.jsonl'));
    expect(keysOf(join(dir, 'resumed/samples.jsonl')).sort()).toEqual(['demo/0#0', 'demo/0#1']);

    rmSync(hold);
    const resumed = await runCli(command('resumed'), { cwd: dir, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    // The finished attempts stay as they were; the two in flight ran again from their start.
    expect(lines(join(dir, 'resumed/samples.jsonl')).slice(0, 2)).toEqual(before);
    expect(starts().sort()).toEqual([0, 1, 2, 2, 3, 3]);
    expect(keysOf(join(dir, 'resumed/results.jsonl')).sort()).toEqual(
      keysOf(join(dir, 'uninterrupted/results.jsonl')).sort(),
    );
    const verdicts = (out: string) =>
      lines(join(dir, out, 'results.jsonl'))
        .map((line) => JSON.parse(line) as { sample_index: number; status: string })
        .map((record) => `${record.sample_index}:${record.status}`)
        .sort();
    expect(verdicts('resumed')).toEqual(verdicts('uninterrupted'));
    expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(reference.stdout));
  });
});
