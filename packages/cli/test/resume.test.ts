import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { args, BIN, runCli, workspace } from './run-cli.ts';

const lines = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
    : [];

/** Starts `passk run` and kills it with `signal` once `results.jsonl` has `after` lines. */
async function interrupt(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  out: string,
  after: number,
  signal: NodeJS.Signals,
) {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code, killedBy) => resolve(code ?? (killedBy ? -1 : null))),
  );
  const deadline = Date.now() + 60_000;
  while (lines(join(cwd, out, 'results.jsonl')).length < after && Date.now() < deadline)
    await sleep(20);
  child.kill(signal);
  return { code: await exited, stderr: () => stderr };
}

const keysOf = (path: string) =>
  lines(path).map((line) => {
    const record = JSON.parse(line) as { task_id: string; sample_index: number };
    return `${record.task_id}#${record.sample_index}`;
  });

/** Each test scores 120 demo samples two or three times without a cache: a minute or two on a loaded machine. */
const RESUME_TIMEOUT_MS = 300_000;

/** The first 12 of the demo's 36 problems, 10 samples each. */
const SAMPLES = 120;

describe('resume', { timeout: RESUME_TIMEOUT_MS }, () => {
  const command = (out: string) =>
    args`run --dataset demo --model demo --limit 12 --out ${out} --json --no-cache`;

  it('after a kill -9, running the same command again finishes with the same summary, nothing redone or duplicated', async () => {
    const { dir, env } = workspace();
    const reference = await runCli(command('uninterrupted'), { cwd: dir, env });
    expect(reference.code).toBe(0);

    const killed = await interrupt(command('resumed'), dir, env, 'resumed', 40, 'SIGKILL');
    expect(killed.code).toBe(-1);
    const before = keysOf(join(dir, 'resumed/results.jsonl'));
    expect(before.length).toBeGreaterThanOrEqual(40);
    expect(before.length).toBeLessThan(SAMPLES);

    const resumed = await runCli(command('resumed'), { cwd: dir, env });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`resuming: \\d+ of ${SAMPLES} samples already done`));
    const after = keysOf(join(dir, 'resumed/results.jsonl'));
    expect(after).toHaveLength(SAMPLES);
    expect(new Set(after).size).toBe(SAMPLES);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(new Set(keysOf(join(dir, 'resumed/samples.jsonl'))).size).toBe(SAMPLES);
    expect(JSON.parse(resumed.stdout)).toEqual(JSON.parse(reference.stdout));
  });

  it('Ctrl-C stops cleanly with exit code 130, and the rerun completes', async () => {
    const { dir, env } = workspace();
    const stopped = await interrupt(command('run'), dir, env, 'run', 20, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr()).toMatch(/run the same command again to resume/);
    expect(existsSync(join(dir, 'run/summary.json'))).toBe(false);
    const resumed = await runCli(command('run'), { cwd: dir, env });
    expect(resumed.code).toBe(0);
    expect(new Set(keysOf(join(dir, 'run/results.jsonl'))).size).toBe(SAMPLES);
  });

  it('raising -n tops a run up without redoing the first samples', async () => {
    const { dir, env } = workspace();
    const first = await runCli(
      args`run --dataset demo --model demo --limit 12 -n 3 --out r --json`,
      {
        cwd: dir,
        env,
      },
    );
    expect(first.code).toBe(0);
    expect(Object.keys(JSON.parse(first.stdout).pass_at_k)).toEqual(['1']);
    const firstLines = lines(join(dir, 'r/results.jsonl'));
    const second = await runCli(
      args`run --dataset demo --model demo --limit 12 -n 5 -k 1,5 --out r --json`,
      {
        cwd: dir,
        env,
      },
    );
    expect(second.code).toBe(0);
    expect(Object.keys(JSON.parse(second.stdout).pass_at_k)).toEqual(['1', '5']);
    const secondLines = lines(join(dir, 'r/results.jsonl'));
    expect(secondLines).toHaveLength(12 * 5);
    expect(secondLines.slice(0, firstLines.length)).toEqual(firstLines);
  });
});
