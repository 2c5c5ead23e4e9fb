import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, DOCTOR_TIMEOUT_MS, runCli, workspace } from './run-cli.ts';

const example = {
  problem: join(DATA_DIR, 'humaneval/example_problem.jsonl'),
  samples: join(DATA_DIR, 'humaneval/example_samples.jsonl'),
};
const evaluate = ['evaluate', example.samples, '--dataset', `jsonl:${example.problem}`];

describe('passk --sandbox', () => {
  it('runs in the bwrap sandbox by default and records the sandbox, its limits and the verdict rule', async () => {
    const { dir, env } = workspace();
    const result = await runCli([...evaluate, '--out', 'run', '--json'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    expect(JSON.parse(result.stdout).pass_at_k['1'].estimate).toBeCloseTo(0.5, 12);
    const manifest = JSON.parse(readFileSync(join(dir, 'run/manifest.json'), 'utf8'));
    expect(manifest.executor.sandbox).toBe('bwrap');
    expect(manifest.executor.isolation.join('\n')).toMatch(/own user, PID, network/);
    expect(manifest.verdicts).toBe('strict');
    expect(manifest.timeout_factor).toBe(1);
    expect(manifest.limits).toEqual({
      python: {
        maxOutputBytes: 1024 ** 2,
        maxMemoryBytes: 4 * 1024 ** 3,
        maxProcesses: 256,
        maxFileBytes: 64 * 1024 ** 2,
      },
    });
  });

  it('with --sandbox none, warns on every run (also when resuming) and records it', async () => {
    const { dir, env } = workspace();
    for (let index = 0; index < 2; index++) {
      const result = await runCli([...evaluate, '--out', 'run', '--sandbox', 'none'], {
        cwd: dir,
        env,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /warning: --sandbox none: model-written code runs WITHOUT a sandbox/,
      );
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'run/manifest.json'), 'utf8'));
    expect(manifest.executor.sandbox).toBe('none');
    expect(manifest.executor.isolation.join('\n')).toMatch(/NO SANDBOX/);
  });

  it('refuses to run model code when bubblewrap is missing, says how to install it or opt out, writes nothing', async () => {
    const { dir, env } = workspace();
    const result = await runCli([...evaluate, '--out', 'run'], {
      cwd: dir,
      env: { ...env, PASSK_BWRAP: join(dir, 'no-such-bwrap') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/passk: the sandbox needs bwrap, which is not installed/);
    expect(result.stderr).toMatch(/sudo apt-get install bubblewrap/);
    expect(result.stderr).toMatch(/--sandbox none/);
    expect(existsSync(join(dir, 'run'))).toBe(false);
    // Opting out works without bubblewrap.
    const optOut = await runCli([...evaluate, '--out', 'run', '--sandbox', 'none'], {
      cwd: dir,
      env: { ...env, PASSK_BWRAP: join(dir, 'no-such-bwrap') },
    });
    expect(optOut.code).toBe(0);
  });

  it('rejects unknown --sandbox and --verdicts values with exit code 2', async () => {
    const { dir, env } = workspace();
    const sandbox = await runCli([...evaluate, '--sandbox', 'docker'], { cwd: dir, env });
    expect(sandbox.code).toBe(2);
    expect(sandbox.stderr).toMatch(/--sandbox expects one of bwrap, none, got 'docker'/);
    const verdicts = await runCli([...evaluate, '--verdicts', 'lenient'], { cwd: dir, env });
    expect(verdicts.code).toBe(2);
    expect(verdicts.stderr).toMatch(/--verdicts expects one of strict, reference, got 'lenient'/);
    expect(readdirSync(dir).filter((name) => name !== '.cache')).toEqual([]);
  });

  it('records --verdicts reference, and will not resume a run under another verdict rule', async () => {
    const { dir, env } = workspace();
    const first = await runCli([...evaluate, '--out', 'run', '--verdicts', 'reference'], {
      cwd: dir,
      env,
    });
    expect(first.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'run/manifest.json'), 'utf8'));
    expect(manifest.verdicts).toBe('reference');
    const summary = JSON.parse(readFileSync(join(dir, 'run/summary.json'), 'utf8'));
    expect(summary.verdict_rule).toEqual({ scored: 'reference', differing: 0 });
    const second = await runCli([...evaluate, '--out', 'run'], { cwd: dir, env });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/verdicts: "reference" vs "strict"/);
  });
});

describe('passk doctor', () => {
  it(
    'reports the sandbox and the limits in force',
    async () => {
      const { dir, env } = workspace();
      const result = await runCli(['doctor', '--json'], { cwd: dir, env });
      const checks = JSON.parse(result.stdout) as { name: string; ok: boolean; detail: string }[];
      const sandbox = checks.filter((check) => check.name.startsWith('sandbox'));
      expect(sandbox.every((check) => check.ok)).toBe(true);
      expect(sandbox.map((check) => check.name)).toEqual([
        'sandbox',
        'sandbox user',
        'sandbox files',
        'sandbox env',
        'sandbox limits',
        'sandbox cgroups',
        'sandbox lifetime',
      ]);
      expect(sandbox[0]?.detail).toMatch(/^bwrap \(default\): bubblewrap \d/);
      expect(sandbox[4]?.detail).toMatch(/RLIMIT_CPU.*RLIMIT_AS.*RLIMIT_NPROC.*RLIMIT_FSIZE/);
    },
    DOCTOR_TIMEOUT_MS,
  );

  it(
    'fails the sandbox check when bubblewrap is missing, with the fix',
    async () => {
      const { dir, env } = workspace();
      const result = await runCli(['doctor'], {
        cwd: dir,
        env: { ...env, PASSK_BWRAP: join(dir, 'no-such-bwrap') },
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAIL\s+sandbox\s+bwrap \(default\): the sandbox needs bwrap/);
    },
    DOCTOR_TIMEOUT_MS,
  );
});
