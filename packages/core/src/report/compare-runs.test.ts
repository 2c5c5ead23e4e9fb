import { describe, expect, it } from 'vitest';
import { resultRecord } from '../../../../scripts/test-support/result-record.ts';
import type { ResultRecord, RunManifest } from '../spec/run.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { humanEvalClusterKey } from './cluster-key.ts';
import { compareRuns } from './compare-runs.ts';

const LANGUAGES = ['cpp', 'lua', 'racket'];
const TASKS = Array.from({ length: 12 }, (_, i) => `HumanEval_${i}_f`);

/** A multi-language MultiPL-E-like run: (task, language) passes when `passes` says so. */
function run(directory: string, passes: (task: number, language: string) => boolean): RunOnDisk {
  const taskIds = LANGUAGES.flatMap(() => TASKS);
  const taskLanguages = LANGUAGES.flatMap((language) => TASKS.map(() => language));
  const manifest = {
    format_version: 1,
    run_id: directory,
    created_at: '',
    passk_version: 'test',
    mode: 'evaluate',
    dataset: { id: 'multipl-e', version: 'v', content_hash: 'h' },
    provider: { id: 'p', model: directory },
    sampling: {},
    n: 1,
    k: [1],
    task_ids: taskIds,
    task_languages: taskLanguages,
    task_metadata: taskIds.map((_, i) => (i % 2 === 0 ? { tags: ['even'] } : null)),
    executor: { id: 'local', sandbox: 'none', concurrency: 1 },
    timeout_factor: 1,
    toolchains: {},
    seed: 0,
  } satisfies RunManifest;
  const results: ResultRecord[] = taskIds.map((taskId, i) => {
    const passed = passes(i % TASKS.length, taskLanguages[i] as string);
    return resultRecord({
      task_id: taskId,
      sample_index: 0,
      language: taskLanguages[i] as string,
      passed,
      execution_key: `${i}`,
    });
  });
  return { directory, manifest, results };
}

describe('compareRuns on multi-language runs', () => {
  // a solves every task in Lua, b none; both solve tasks 0, 3, 6, 9 in C++ and Racket.
  const a = run('a', (task, language) => language === 'lua' || task % 3 === 0);
  const b = run('b', (task, language) => language !== 'lua' && task % 3 === 0);
  const comparison = compareRuns(a, b, { resamples: 200, permutations: 999 });

  it('pairs problems by task id and language, clustering the languages of one HumanEval problem', () => {
    expect(comparison.shared_problems).toBe(36);
    expect(comparison.k['1']?.difference).toBeCloseTo(12 / 36, 12);
    expect(comparison.k['1']?.test).toBe('sign-flip');
    expect(comparison.method.clusters).toBe(12);
    expect(comparison.method.cluster_key).toMatch(/HumanEval\/12/);
    expect(comparison.flipped).toHaveLength(12);
    expect(comparison.flipped.every((flip) => flip.language === 'lua')).toBe(true);
  });

  it('compares each slice and Holm-adjusts across the k and every slice shown', () => {
    const slices = comparison.slices ?? [];
    expect(slices.map((slice) => `${slice.kind}:${slice.value}:${slice.shared_problems}`)).toEqual([
      'language:cpp:12',
      'language:lua:12',
      'language:racket:12',
      'tag:even:18',
    ]);
    expect(slices[1]?.k['1']?.difference).toBe(1);
    expect(slices[0]?.k['1']?.p_value).toBe(1);
    expect(slices.every((slice) => slice.small)).toBe(true);
    const all = [comparison.k['1'], ...slices.map((slice) => slice.k['1'])];
    const sorted = [...all].sort((x, y) => (x?.p_value ?? 0) - (y?.p_value ?? 0));
    // Holm over 5 tests: the smallest p is multiplied by 5.
    expect(sorted[0]?.p_adjusted).toBeCloseTo(Math.min(1, 5 * (sorted[0]?.p_value ?? 0)), 12);
    for (const entry of all) expect(entry?.p_adjusted).toBeGreaterThanOrEqual(entry?.p_value ?? 0);
    expect(comparison.method.adjusted_across).toBe(
      '5 tests: pass@k for each k shown on all shared problems and on 4 slices',
    );
  });

  it('can leave slices out and take the caller’s clusters', () => {
    const plain = compareRuns(a, b, {
      resamples: 100,
      permutations: 99,
      slices: false,
      clusterOf: () => undefined,
    });
    expect(plain.slices).toBeUndefined();
    expect(plain.method.clusters).toBeNull();
    expect(plain.k['1']?.test).toBe('mcnemar-exact');
  });
});

describe('humanEvalClusterKey', () => {
  it('maps HumanEval-X and MultiPL-E ids to the HumanEval problem', () => {
    expect(humanEvalClusterKey('CPP/12')).toBe('HumanEval/12');
    expect(humanEvalClusterKey('Python/0')).toBe('HumanEval/0');
    expect(humanEvalClusterKey('HumanEval_12_sum_to_n')).toBe('HumanEval/12');
    expect(humanEvalClusterKey('Mbpp/2')).toBe('Mbpp/2');
    expect(humanEvalClusterKey('custom-task')).toBe('custom-task');
  });
});
