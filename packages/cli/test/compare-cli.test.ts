import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { args, DATA_DIR, runCli, workspace } from './run-cli.ts';

/**
 * Two real HumanEval runs scored by passk: Qwen2.5-Coder-1.5B base (EvalPlus's samples, one
 * per problem) as a, Reflexion's gpt-3.5-turbo baseline (one per problem) as b.
 */
const qwen = join(
  DATA_DIR,
  'samples/qwen2.5-coder-base/1.5b-base/evalplus/humaneval/generated.jsonl.gz',
);
const reflexion = join(
  DATA_DIR,
  'samples/reflexion/simple_test_run/simple_1_gpt-3.5-turbo_pass_at_k_1.jsonl',
);

const { dir, env } = workspace();
const cli = (argv: string[]) => runCli(argv, { cwd: dir, env });

/** Passing task ids of a run, read from its results.jsonl. */
function passing(run: string): Set<string> {
  return new Set(
    readFileSync(join(dir, run, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((result) => result.passed)
      .map((result) => result.task_id as string),
  );
}

beforeAll(async () => {
  const records = readFileSync(reflexion, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const lines = records.map(
    (record) => `${JSON.stringify({ task_id: record.task_id, completion: record.solution })}\n`,
  );
  writeFileSync(join(dir, 'gpt35.jsonl'), lines.join(''));
  writeFileSync(join(dir, 'gpt35-first-100.jsonl'), lines.slice(0, 100).join(''));
  expect(gunzipSync(readFileSync(qwen)).toString('utf8').trim().split('\n')).toHaveLength(164);
  const runs = await Promise.all([
    cli(args`evaluate ${qwen} --dataset humaneval --out a`),
    cli(args`evaluate gpt35.jsonl --dataset humaneval --out b`),
    cli(
      args`evaluate ${join(DATA_DIR, 'humaneval/example_samples.jsonl')} --dataset jsonl:${join(DATA_DIR, 'humaneval/example_problem.jsonl')} --out other`,
    ),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  // The first 100 problems again: scored from the execution cache.
  const part = await cli(args`evaluate gpt35-first-100.jsonl --dataset humaneval --out part`);
  expect(part.code, part.stderr).toBe(0);
}, 600_000);

describe('passk compare', () => {
  it('--json gives the paired difference, interval, p-values, flipped problems and method', async () => {
    const result = await cli(args`compare a b --json`);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout);
    const a = passing('a');
    const b = passing('b');
    const onlyA = [...a].filter((id) => !b.has(id));
    const onlyB = [...b].filter((id) => !a.has(id));
    expect(comparison.shared_problems).toBe(164);
    expect(comparison.not_shared).toEqual({ only_a: 0, only_b: 0 });
    expect(Object.keys(comparison.k)).toEqual(['1']);
    const entry = comparison.k['1'];
    expect(entry.difference).toBeCloseTo((a.size - b.size) / 164, 12);
    expect(entry.ci_low).toBeLessThanOrEqual(entry.difference);
    expect(entry.ci_high).toBeGreaterThanOrEqual(entry.difference);
    expect(entry.ci_low).toBeGreaterThanOrEqual(-1);
    expect(entry.ci_high).toBeLessThanOrEqual(1);
    expect(entry.test).toBe('mcnemar-exact');
    expect(entry.p_value).toBeGreaterThan(0);
    expect(entry.p_value).toBeLessThan(0.05);
    // One k: Holm changes nothing.
    expect(entry.p_adjusted).toBe(entry.p_value);
    expect(entry.minimum_detectable_difference).toBeGreaterThan(0);
    expect(entry.minimum_detectable_difference).toBeLessThan(0.5);
    // With one sample per problem, the flipped problems are McNemar's discordant pairs.
    expect(comparison.flipped.map((flip: { task_id: string }) => flip.task_id).sort()).toEqual(
      [...onlyA, ...onlyB].sort(),
    );
    expect(
      comparison.flipped.filter((flip: { better: string }) => flip.better === 'b'),
    ).toHaveLength(onlyB.length);
    expect(comparison.method).toMatchObject({
      seed: 0,
      resamples: 2000,
      permutations: 10000,
      adjustment: 'holm',
      tests: {
        n_is_1: expect.stringContaining('mcnemar'),
        otherwise: expect.stringContaining('sign-flip'),
      },
    });
    // Seeded: the same command prints the same figures.
    expect((await cli(args`compare a b --json`)).stdout).toBe(result.stdout);
  }, 120_000);

  it('prints a table and says how many problems are not shared', async () => {
    const table = await cli(args`compare a part`);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('100 shared problems · not shared: 64 only in a, 0 only in b');
    expect(table.stdout).toMatch(
      /pass@1\s+[\d.]+\s+[\d.]+\s+[+-][\d.]+\s+\[[+-][\d.]+, [+-][\d.]+\]/,
    );
    const markdown = await cli(args`compare part a --format markdown`);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| metric | a % | b % |');
    expect(markdown.stdout).toContain('not shared: 0 only in a, 64 only in b');
  }, 120_000);

  it('exits 2 for runs on different datasets, a directory that is not a run, and bad flags', async () => {
    const other = await cli(args`compare a other --json`);
    expect(other.code).toBe(2);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/different datasets/);
    const notRun = await cli(args`compare a gpt35.jsonl`);
    expect(notRun.code).toBe(2);
    expect(notRun.stderr).toMatch(/not a passk run directory/);
    const oneRun = await cli(args`compare a`);
    expect(oneRun.code).toBe(2);
    expect(oneRun.stderr).toMatch(/expected two run directories/);
    const format = await cli(args`compare a b --format pdf`);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/known formats: table, markdown, html/);
    const seed = await cli(args`compare a b --seed x`);
    expect(seed.code).toBe(2);
  }, 120_000);
});
