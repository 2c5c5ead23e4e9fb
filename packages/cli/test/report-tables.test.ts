import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport } from '@passk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import { type ReportData, report } from '../src/index.ts';
import { runCli } from './run-cli.ts';
import { writeSyntheticRun } from './synthetic-run.ts';

/** Markdown and CSV give the tables the HTML report shows; several runs give a leaderboard. */
const dir = temporaryDirectory('passk-report-tables-');
let single: ReportData;
let board: ReportData;

/** CSV text as rows of fields (no quoted commas in these fixtures). */
const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split(','));

beforeAll(async () => {
  const common = { problems: 12, n: 5, k: [1, 5] } as const;
  writeSyntheticRun(join(dir, 'a'), { ...common, model: 'alpha', seed: 1, statistics: true });
  writeSyntheticRun(join(dir, 'b'), { ...common, model: 'beta', seed: 2, shift: -0.3 });
  single = await report([join(dir, 'a')]);
  board = await report([join(dir, 'b'), join(dir, 'a')], {
    compare: { resamples: 300, permutations: 1000 },
  });
}, 60_000);

describe('report tables', () => {
  it('markdown has pass@k with pass^k, slices, the first-pass histogram, diversity and every problem', () => {
    const markdown = renderReport(single, 'markdown');
    const run = single.runs[0];
    expect(markdown).toContain('| k | pass@k % | 95% CI % | in order % | pass^k % |');
    expect(markdown).toMatch(/### Slices\n\n\| kind \| slice \| problems \|/);
    expect(markdown).toMatch(/\| tag \| rare \| 12 \| 60 \|.*\| yes \|/);
    expect(markdown).toContain('| never |');
    expect(markdown).toContain(
      '| normalization | python: ast dump with local names canonicalised |',
    );
    for (const problem of run?.problems ?? []) {
      const rate = ((100 * problem.c) / problem.n).toFixed(1);
      expect(markdown).toContain(
        `| ${problem.task_id} | python | ${problem.n} | ${problem.c} | ${rate} | ${problem.first_pass ?? '-'} |`,
      );
    }
  });

  it('CSV gives one table at a time, fractions raw and intervals as two columns', () => {
    const problems = csvRows(renderReport(single, 'csv', { table: 'problems' }));
    expect(problems[0]).toEqual([
      'run',
      'task_id',
      'language',
      'n',
      'c',
      'pass_rate',
      'first_pass',
    ]);
    expect(problems).toHaveLength(13);
    const first = single.runs[0]?.problems[0];
    expect(problems[1]?.slice(1)).toEqual([
      'HumanEval/0',
      'python',
      '5',
      String(first?.c),
      String((first?.c ?? 0) / 5),
      first?.first_pass === null ? '' : String(first?.first_pass),
    ]);
    const slices = csvRows(renderReport(single, 'csv', { table: 'slices' }));
    expect(slices[0]).toContain('pass_at_1_ci_low');
    expect(slices).toHaveLength(4);
    const curve = csvRows(renderReport(single, 'csv', { table: 'curve' }));
    expect(curve.map((row) => row[1])).toEqual(['k', '1', '2', '3', '4', '5']);
    // The summary table stays the default of one run.
    expect(renderReport(single, 'csv')).toMatch(/^scope,k,estimate,ci_low,ci_high\nall,1,/);
  });

  it('several runs: a leaderboard, best first, and pairwise tests with Holm across the table', () => {
    const leaderboard = csvRows(renderReport(board, 'csv'));
    expect(leaderboard[0]?.slice(0, 4)).toEqual(['rank', 'model', 'run', 'problems']);
    expect(leaderboard.slice(1).map((row) => row[1])).toEqual(['alpha', 'beta']);
    const pairwise = csvRows(renderReport(board, 'csv', { table: 'pairwise' }));
    expect(pairwise.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['alpha', 'beta', '1'],
      ['alpha', 'beta', '5'],
    ]);
    const header = pairwise[0] ?? [];
    for (const row of pairwise.slice(1)) {
      const p = Number(row[header.indexOf('p_value')]);
      const adjusted = Number(row[header.indexOf('p_adjusted')]);
      expect(adjusted).toBeGreaterThanOrEqual(p);
      expect(Number(row[header.indexOf('difference')])).toBeGreaterThan(0);
    }
    const json = JSON.parse(renderReport(board, 'json'));
    expect(json.runs.map((run: { model: string }) => run.model)).toEqual(['beta', 'alpha']);
    expect(json.leaderboard.ranking).toEqual([1, 0]);
    const problemRows = csvRows(renderReport(board, 'csv', { table: 'problems' }));
    expect(problemRows).toHaveLength(25);
    expect(() => renderReport(board, 'csv', { table: 'summary' })).toThrow(/one run/);
    expect(() => renderReport(single, 'csv', { table: 'pairwise' })).toThrow(/two runs or more/);
  });
});

describe('passk report and compare on the command line', () => {
  it('writes the HTML report of several runs and the comparison page; bad input exits 2', async () => {
    const html = await runCli(['report', 'a', 'b', '--format', 'html', '--output', 'board.html'], {
      cwd: dir,
    });
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(dir, 'board.html'), 'utf8');
    expect(page).toContain('<script type="application/json" id="passk-data">');
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    const comparison = await runCli(
      ['compare', 'a', 'b', '--format', 'html', '--output', 'compare.html'],
      { cwd: dir },
    );
    expect(comparison.code, comparison.stderr).toBe(0);
    expect(existsSync(join(dir, 'compare.html'))).toBe(true);

    const manifest = JSON.parse(readFileSync(join(dir, 'b', 'manifest.json'), 'utf8'));
    writeSyntheticRun(join(dir, 'other'), { problems: 12, n: 5, k: [1, 5], model: 'x', seed: 4 });
    writeFileSync(
      join(dir, 'other', 'manifest.json'),
      JSON.stringify({ ...manifest, dataset: { ...manifest.dataset, content_hash: 'other' } }),
    );
    const different = await runCli(['report', 'a', 'other'], { cwd: dir });
    expect(different.code).toBe(2);
    expect(different.stderr).toMatch(/different datasets/);
    const table = await runCli(['report', 'a', '--format', 'markdown', '--table', 'problems'], {
      cwd: dir,
    });
    expect(table.code).toBe(2);
    expect(table.stderr).toMatch(/--table applies to --format csv only/);
  }, 120_000);
});
