import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numpySkipReason } from '../../../scripts/test-support/numpy-skip-reason.ts';
import { args, DATA_DIR, runCli, workspace } from './run-cli.ts';

describe('passk selftest', () => {
  it('passes when references pass and controls fail, and shows known-broken tasks with their reason', async () => {
    const { dir, env } = workspace();
    const result = await runCli(
      args`selftest --dataset humaneval-x/js --tasks JavaScript/0,JavaScript/112,JavaScript/155`,
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/javascript\s+1\/3\s+6\/6\s+2\s+0\s+0\s+v\d+/);
    expect(result.stdout).toContain('JavaScript/112 [broken] reference failed');
    expect(result.stdout).toContain('comma expression');
    expect(result.stdout).toContain('JavaScript/155 [broken] reference failed');
    expect(result.stdout).toMatch(/selftest passed\n$/);
    expect(result.stderr).toContain('selftest: 9/9 checks done');
    const json = await runCli(
      ['selftest', '--dataset', 'humaneval-x/js', '--tasks', 'JavaScript/112', '--json'],
      { cwd: dir, env },
    );
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      dataset: 'humaneval-x/js',
      ok: true,
      languages: [
        { language: 'javascript', referencesPassed: 0, references: 1, known: 1, failures: 0 },
      ],
      exceptions: [
        { task_id: 'JavaScript/112', check: 'reference', outcome: 'known', status: 'failed' },
      ],
      known_broken: [{ taskId: 'JavaScript/112', kind: 'broken' }],
    });
  });

  it('fails (exit 1) when a reference fails or a control passes', async () => {
    const { dir, env } = workspace();
    const problems = join(dir, 'problems.jsonl');
    writeFileSync(
      problems,
      [
        {
          task_id: 't/0',
          prompt: 'def f():\n',
          canonical_solution: '    return 2\n',
          test: 'def check(c):\n    assert c() == 1\n',
          entry_point: 'f',
        },
        {
          task_id: 't/1',
          prompt: 'def g():\n    """A weak task: its test checks nothing."""\n',
          canonical_solution: '    return 1\n',
          test: 'def check(c):\n    pass\n',
          entry_point: 'g',
        },
      ]
        .map((record) => `${JSON.stringify(record)}\n`)
        .join(''),
    );
    const result = await runCli(['selftest', '--dataset', `jsonl:${problems}`], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('t/0  reference: failed');
    expect(result.stdout).toContain('t/1  empty completion: passed');
    expect(result.stdout).toMatch(/selftest FAILED\n$/);
  });

  it('rejects bad usage with exit code 2', async () => {
    const { dir, env } = workspace();
    const missing = await runCli(['selftest'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--dataset is required/);
    const unknown = await runCli(['selftest', '--dataset', 'humaneval-x/cobol'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown dataset 'humaneval-x\/cobol'; known datasets: .*humaneval-x\/cpp/,
    );
  });
});

describe('HumanEval-X in the CLI', () => {
  it('shows a problem whose dataset id and task id both contain "/"', async () => {
    const { dir, env } = workspace();
    const result = await runCli(['show', 'humaneval-x/cpp/CPP/0'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^CPP\/0 · humaneval-x\/cpp · cpp · entry point has_close_elements/,
    );
    expect(result.stdout).toContain('program as executed (test.cpp, judge humaneval-x, 5000 ms)');
    expect(result.stdout).toContain('#include<stdlib.h>\n#include<algorithm>');
  });

  it('lists the six HumanEval-X datasets', async () => {
    const { dir, env } = workspace();
    const result = await runCli(['datasets', '--json'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; problems: number; languages: string }[];
    expect(
      rows
        .filter((row) => row.id.startsWith('humaneval-x/'))
        .map((row) => [row.id, row.problems, row.languages]),
    ).toEqual([
      ['humaneval-x/cpp', 164, 'cpp'],
      ['humaneval-x/go', 164, 'go'],
      ['humaneval-x/java', 164, 'java'],
      ['humaneval-x/js', 164, 'javascript'],
      ['humaneval-x/python', 164, 'python'],
      ['humaneval-x/rust', 164, 'rust'],
    ]);
  });

  it("scores CodeGeeX's generation files (the canonical solutions) at pass@1 = 1", async (context) => {
    const skip = await numpySkipReason("CodeGeeX's generation files");
    if (skip !== undefined) return context.skip(skip);
    const { dir, env } = workspace();
    const result = await runCli(
      args`evaluate ${join(DATA_DIR, 'samples/codegeex/humaneval_python_generations.jsonl.gz')} --dataset humaneval-x/python --json --out run`,
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect([summary.problems, summary.samples, summary.pass_at_k['1'].estimate]).toEqual([
      164, 164, 1,
    ]);
  }, 300_000);
});
