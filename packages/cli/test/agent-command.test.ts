import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { args, BIN, runCli, workspace } from './run-cli.ts';

/** Whether process `pid` is running (a zombie is not). */
const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
};

/** An executable bash script `name` in `dir` with `body`. */
function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/bash\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const records = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

describe('--model command:<executable>', { timeout: 120_000 }, () => {
  it('runs the program per attempt with the protocol and scores the solution file it leaves', async () => {
    const { dir, env } = workspace();
    // Right answers to demo/0 and demo/1; a copy of what it was given, for the checks below.
    script(
      dir,
      'good.sh',
      [
        'set -e',
        'seen="$SEEN/$PASSK_TASK_ID-$PASSK_ATTEMPT" && mkdir -p "$(dirname "$seen")"',
        'cp PROMPT.md "$seen.prompt" && cp visible_tests.py "$seen.visible"',
        'echo "$PASSK_TASK_ID|$PASSK_LANGUAGE|$PASSK_ENTRY_POINT|$PASSK_ATTEMPT|$PASSK_SEED|$PASSK_TIMEOUT_MS|$PASSK_SOLUTION_FILE" > "$seen.env"',
        'case "$PASSK_TASK_ID" in',
        "  demo/0) printf 'def sum_odd_squares(nums):\\n    return sum(x * x for x in nums if x %% 2)\\n' > solution.py ;;",
        '  demo/1) printf \'def initials(full_name):\\n    return "".join(w[0].upper() + "." for w in full_name.split())\\n\' > solution.py ;;',
        'esac',
        'echo "wrote the solution" >&2',
      ].join('\n'),
    );
    const run = await runCli(
      args`run --dataset demo --model command:./good.sh --agent --limit 2 -n 2 --seed 7 --attempt-timeout 20 --out good --json --no-cache`,
      { cwd: dir, env: { ...env, SEEN: join(dir, 'seen') } },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.pass_at_k['1']?.estimate ?? summary.pass_at_k['1']).toBe(1);
    const samples = records(join(dir, 'good', 'samples.jsonl'));
    expect(samples).toHaveLength(4);
    for (const sample of samples) {
      expect(sample.agent).toMatchObject({
        end_reason: 'command_exited',
        code_source: 'solution_file',
        visible_tests: true,
        final_visible_status: 'passed',
        command: { exit_code: 0, signal: null, stderr_tail: 'wrote the solution\n' },
      });
      expect(sample.agent.duration_ms).toBeGreaterThan(0);
    }
    // The environment protocol: task, language, entry point, attempt, seed + attempt, timeout.
    const seen = readFileSync(join(dir, 'seen', 'demo', '0-1.env'), 'utf8')
      .trim()
      .split('|');
    expect(seen.slice(0, 6)).toEqual(['demo/0', 'python', 'sum_odd_squares', '1', '8', '20000']);
    expect(seen[6]).toMatch(/solution\.py$/);
    // The prompt and the visible examples, never the hidden tests.
    const prompt = readFileSync(join(dir, 'seen', 'demo', '0-0.prompt'), 'utf8');
    const visible = readFileSync(join(dir, 'seen', 'demo', '0-0.visible'), 'utf8');
    expect(prompt).toContain('def sum_odd_squares(nums: List[int]) -> int:');
    expect(visible).toContain('sum_odd_squares([1, 2, 3])');
    for (const text of [prompt, visible]) expect(text).not.toContain('candidate([2, 4, 6])');
  });

  it('no solution file is no code (a failed attempt, never a pass), with the exit code and stderr', async () => {
    const { dir, env } = workspace();
    script(dir, 'silent.sh', 'echo "no model reachable" >&2\nexit 3');
    const run = await runCli(
      args`run --dataset demo --model command:./silent.sh --agent --limit 1 --out silent --json --no-cache`,
      { cwd: dir, env },
    );
    expect(run.code, run.stderr).toBe(0);
    const [sample] = records(join(dir, 'silent', 'samples.jsonl'));
    expect(sample.completion).toBe('');
    expect(sample.agent).toMatchObject({
      end_reason: 'command_failed',
      code_source: 'none',
      command: { exit_code: 3, stderr_tail: 'no model reachable\n' },
    });
    const [result] = records(join(dir, 'silent', 'results.jsonl'));
    expect(result.passed).toBe(false);
  });

  it('a program that hangs is killed with everything it started at --attempt-timeout', async () => {
    const { dir, env } = workspace();
    const pids = join(dir, 'pids');
    script(dir, 'hang.sh', `sleep 60 &\necho $! > ${pids}\nsleep 60`);
    const started = Date.now();
    const run = await runCli(
      args`run --dataset demo --model command:./hang.sh --agent --limit 1 --attempt-timeout 1 --out hang --json --no-cache`,
      { cwd: dir, env },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    const [sample] = records(join(dir, 'hang', 'samples.jsonl'));
    expect(sample.agent).toMatchObject({
      end_reason: 'attempt_timeout',
      code_source: 'none',
      command: { exit_code: null, signal: 'SIGKILL' },
    });
    const child = Number(readFileSync(pids, 'utf8'));
    expect(
      existsSync(`/proc/${child}`) && !readFileSync(`/proc/${child}/stat`, 'utf8').includes(') Z '),
    ).toBe(false);
  });

  it('records the program (path, sha256, protocol) in the run identity: an edited program is another run, and resuming its --out is refused', async () => {
    const { dir, env } = workspace();
    const path = script(dir, 'agent.sh', 'exit 0');
    const run = (out?: string) =>
      runCli(
        [
          ...args`run --dataset demo --model command:./agent.sh --agent --limit 1 --json --no-cache`,
          ...(out ? ['--out', out] : []),
        ],
        { cwd: dir, env },
      );
    const first = await run('explicit');
    expect(first.code, first.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'explicit', 'manifest.json'), 'utf8'));
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(manifest.agent.command).toEqual({ path, sha256, protocol: 'passk-agent-command/1' });
    expect((await run()).code).toBe(0);
    const before = readdirSync(join(dir, 'runs'));
    expect(before).toHaveLength(1);

    script(dir, 'agent.sh', 'exit 1');
    expect((await run()).code).toBe(0);
    const after = readdirSync(join(dir, 'runs'));
    expect(after).toHaveLength(2);
    const resumed = await run('explicit');
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('--model command:');
    expect(resumed.stderr).toContain('changed');
  });

  it('leaves no agent process behind when passk is killed with SIGKILL', async () => {
    const { dir, env } = workspace();
    const pids = join(dir, 'pids');
    // The program and a child it starts in the background, both waiting for a long time.
    script(dir, 'wait.sh', `sleep 300 &\necho "$$ $!" > ${pids}\nsleep 300`);
    const child = spawn(
      process.execPath,
      [
        BIN,
        ...args`run --dataset demo --model command:./wait.sh --agent --limit 1 --out w --no-cache`,
      ],
      { cwd: dir, env, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    while (!existsSync(pids) || readFileSync(pids, 'utf8').trim().split(' ').length < 2)
      await sleep(50);
    const started = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(started.every(alive)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    while (started.some(alive)) await sleep(50);
    expect(started.filter(alive)).toEqual([]);
  });

  it('refuses a command model without --agent, and a path that is not executable', async () => {
    const { dir, env } = workspace();
    script(dir, 'good.sh', 'exit 0');
    const oneShot = await runCli(
      args`run --dataset demo --model command:./good.sh --limit 1 --out x`,
      {
        cwd: dir,
        env,
      },
    );
    expect(oneShot.code).toBe(2);
    expect(oneShot.stderr).toContain('--agent');
    const missing = await runCli(
      args`run --dataset demo --model command:./nothing.sh --agent --limit 1 --out y`,
      { cwd: dir, env },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
