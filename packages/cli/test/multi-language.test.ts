/**
 * Multi-language runs (`multipl-e` with `languages`: one run, one summary, problems keyed by
 * task id and language), slices of a JSONL dataset by tag, difficulty and month, and date
 * windows (`since`/`until`), through the SDK; bad flags through the command line (exit 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSummary } from '@passk/core';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import { toolchainSkipReason } from '../../../scripts/test-support/toolchain-skip-reason.ts';
import { evaluate, run } from '../src/index.ts';
import { args, DATA_DIR, runCli } from './run-cli.ts';

const cwd = temporaryDirectory('passk-multi-language-');
const options = {
  cwd,
  env: { ...process.env, PASSK_DATA_DIR: DATA_DIR, PASSK_CACHE_DIR: join(cwd, '.cache') },
  workers: 2,
};
const read = (file: string) => readFileSync(join(cwd, file), 'utf8');

describe('multi-language runs', () => {
  it('scores MultiPL-E in several languages as one run, keyed by (task id, language)', async (context) => {
    const skip = (await toolchainSkipReason('lua')) ?? (await toolchainSkipReason('javascript'));
    if (skip !== undefined) return context.skip(skip);
    // HumanEval_53_add in Lua (right) and JavaScript (wrong), named by MultiPL-E code.
    const outcome = await evaluate({
      ...options,
      dataset: 'multipl-e',
      languages: ['lua', 'js'],
      out: 'ml',
      samples: [
        { task_id: 'HumanEval_53_add', language: 'lua', completion: '    return x + y\nend' },
        { task_id: 'HumanEval_53_add', language: 'js', completion: '  return x - y;\n}' },
      ],
    });
    const { summary } = outcome;
    expect(summary.dataset).toBe('multipl-e');
    expect(summary.problems).toBe(2);
    expect(summary.pass_at_k['1']?.estimate).toBe(0.5);
    expect(summary.languages?.lua?.pass_at_k['1']?.estimate).toBe(1);
    expect(summary.languages?.javascript?.pass_at_k['1']?.estimate).toBe(0);
    expect(summary.slices?.map((slice) => slice.value)).toEqual(['javascript', 'lua']);
    const results = read('ml/results.jsonl')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((line) => [line.task_id, line.language, line.passed]).sort()).toEqual([
      ['HumanEval_53_add', 'javascript', false],
      ['HumanEval_53_add', 'lua', true],
    ]);
    expect(outcome.manifest.task_ids).toEqual(['HumanEval_53_add', 'HumanEval_53_add']);
    expect(outcome.manifest.task_languages).toEqual(['javascript', 'lua']);
    expect(Object.keys(outcome.manifest.toolchains).sort()).toEqual(['javascript', 'lua']);
    // Without a language, a line whose task id exists in both languages is ambiguous.
    await expect(
      evaluate({
        ...options,
        dataset: 'multipl-e',
        languages: ['lua', 'js'],
        samples: [{ task_id: 'HumanEval_53_add', completion: '' }],
      }),
    ).rejects.toThrow(
      /line 1.*exists in several languages of multipl-e.*give the line a 'language'/,
    );
  }, 120_000);

  it('refuses unknown languages and bad date windows with exit 2, naming the flag', async () => {
    await expect(
      evaluate({ ...options, dataset: 'multipl-e', languages: ['cobol'], samples: [] }),
    ).rejects.toThrow(/unknown language 'cobol'/);
    await expect(
      run({ ...options, dataset: 'demo', model: 'demo', until: 'tomorrow' }),
    ).rejects.toThrow(/--until expects a date YYYY-MM-DD/);
    const since = await runCli(args`evaluate x.jsonl --dataset multipl-e --since 2024-13-01`, {
      cwd,
      env: options.env,
    });
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since expects a date YYYY-MM-DD.*2024-13-01/);
  }, 60_000);
});

describe('slices and date windows of a JSONL dataset', () => {
  it('slices by tag, difficulty and month, and keeps a --since/--until window', async () => {
    const problem = (id: string, body: string, extra: object) => ({
      task_id: id,
      prompt: 'def f(x):\n',
      canonical_solution: body,
      test: 'def check(candidate):\n    assert candidate(2) == 4\n',
      entry_point: 'f',
      ...extra,
    });
    const problems = [
      problem('t/0', '    return x * 2\n', {
        tags: ['math'],
        difficulty: 'easy',
        date: '2024-01-10',
      }),
      problem('t/1', '    return x + 2\n', {
        tags: ['math', 'add'],
        difficulty: 'easy',
        date: '2024-02-01',
      }),
      problem('t/2', '    return x * x\n', {
        tags: ['square'],
        difficulty: 'hard',
        date: '2024-02-20',
      }),
      problem('t/3', '    return 0\n', { difficulty: 'hard', date: '2024-03-05' }),
    ];
    writeFileSync(join(cwd, 'p.jsonl'), problems.map((line) => JSON.stringify(line)).join('\n'));
    const { summary } = await run({
      ...options,
      dataset: `jsonl:${join(cwd, 'p.jsonl')}`,
      model: 'reference',
    });
    expect(summary.pass_at_k['1']?.estimate).toBe(0.75);
    expect(
      summary.slices?.map(
        (slice) =>
          `${slice.kind}:${slice.value}:${slice.problems}:${slice.pass_at_k['1']?.estimate}:${slice.small}`,
      ),
    ).toEqual([
      'tag:add:1:1:true',
      'tag:math:2:1:true',
      'tag:square:1:1:true',
      'difficulty:easy:2:1:true',
      'difficulty:hard:2:0.5:true',
      'date:2024-01:1:1:true',
      'date:2024-02:2:1:true',
      'date:2024-03:1:0:true',
    ]);
    expect(renderSummary(summary, 'table')).toMatch(/difficulty: hard \*\s+2\s+50\.0 \[/);
    // Python samples are compared as ASTs, parsed in the sandbox.
    expect(summary.diversity?.normalization).toMatch(/^Python: ast\.dump/);
    const window = await run({
      ...options,
      dataset: `jsonl:${join(cwd, 'p.jsonl')}`,
      model: 'reference',
      since: '2024-02-01',
      until: '2024-02-29',
    });
    expect(window.summary.problems).toBe(2);
    expect(window.manifest.task_ids).toEqual(['t/1', 't/2']);
    expect(window.manifest.date_window).toEqual({ since: '2024-02-01', until: '2024-02-29' });
  }, 120_000);
});
