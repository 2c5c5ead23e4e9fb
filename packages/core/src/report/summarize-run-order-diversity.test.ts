import { describe, expect, it } from 'vitest';
import { resultRecord } from '../../../../scripts/test-support/result-record.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';
import { sampleKey } from '../store/run-files.ts';
import { renderSummary } from './render-summary.ts';
import { summarizeRun } from './summarize-run.ts';

/** A scored sample: its code and verdict. */
interface Fixture {
  readonly task: string;
  readonly language: string;
  readonly code: string;
  readonly passed: boolean;
}

function records(fixtures: readonly Fixture[]) {
  const results = new Map<string, ResultRecord>();
  const samples = new Map<string, SampleRecord>();
  const indices = new Map<string, number>();
  for (const fixture of fixtures) {
    const id = `${fixture.language}/${fixture.task}`;
    const index = indices.get(id) ?? 0;
    indices.set(id, index + 1);
    const key = sampleKey(fixture.task, index, fixture.language);
    samples.set(key, {
      task_id: fixture.task,
      sample_index: index,
      language: fixture.language,
      raw: fixture.code,
      completion: fixture.code,
      kind: 'completion',
      finish_reason: 'stop',
      latency_ms: 1,
    });
    results.set(
      key,
      resultRecord({
        task_id: fixture.task,
        sample_index: index,
        language: fixture.language,
        passed: fixture.passed,
        execution_key: key,
      }),
    );
  }
  return { results, samples };
}

const confidence = { resamples: 200, level: 0.95, seed: 1 };

describe('summarizeRun: order, pass^k and diversity', () => {
  // A: samples 0..3 pass, fail, pass, pass (c = 3 of 4); two passing programs differ only in a
  // comment and spacing. B: first pass at index 2, one passing program. C: never passes.
  const fixtures: Fixture[] = [
    { task: 'A', language: 'python', code: '    return x + 1  # add\n', passed: true },
    { task: 'A', language: 'python', code: '    return x\n', passed: false },
    { task: 'A', language: 'python', code: '    return x+1\n', passed: true },
    { task: 'A', language: 'python', code: '    return x  +  1\n\n', passed: true },
    { task: 'B', language: 'python', code: '    return 0\n', passed: false },
    { task: 'B', language: 'python', code: '    return 1\n', passed: false },
    { task: 'B', language: 'python', code: '    return 2\n', passed: true },
    { task: 'B', language: 'python', code: '    return 2 # same\n', passed: true },
    { task: 'C', language: 'python', code: '    pass\n', passed: false },
    { task: 'C', language: 'python', code: '    pass\n', passed: false },
    { task: 'C', language: 'python', code: '    pass\n', passed: false },
    { task: 'C', language: 'python', code: '    return None\n', passed: false },
  ];
  const { results, samples } = records(fixtures);
  const summary = summarizeRun({
    dataset: 'd',
    model: 'm',
    problems: ['A', 'B', 'C'].map((id) => ({ id, language: 'python' })),
    n: 4,
    k: [1, 2, 4],
    results,
    samples,
    confidence,
  });

  it('reports unbiased pass^k: mean of C(c,k)/C(n,k)', () => {
    // A: c = 3, B: c = 2, C: c = 0 of n = 4.
    expect(summary.pass_hat_k?.['1']).toBeCloseTo((3 / 4 + 2 / 4 + 0) / 3, 12);
    expect(summary.pass_hat_k?.['2']).toBeCloseTo((3 / 6 + 1 / 6 + 0) / 3, 12);
    expect(summary.pass_hat_k?.['4']).toBe(0);
  });

  it('histograms the first passing sample and counts the problems never solved', () => {
    expect(summary.first_pass).toEqual({ histogram: { '0': 1, '2': 1 }, never: 1 });
  });

  it('counts distinct programs after removing comments and whitespace', () => {
    // A: {x+1, x} = 2, B: {0, 1, 2} = 3, C: {pass, return None} = 2.
    expect(summary.diversity?.distinct_per_problem).toBeCloseTo(7 / 3, 12);
    // Passing: A {x+1} = 1, B {2} = 1, C 0.
    expect(summary.diversity?.distinct_passing_per_problem).toBeCloseTo(2 / 3, 12);
    expect(summary.diversity?.single_program_passing).toEqual(['A', 'B']);
    expect(summary.diversity?.normalization).toMatch(/comments removed/);
  });

  it('uses canonical forms when given (e.g. Python ASTs) and says so', () => {
    const forms = new Map([
      [sampleKey('A', 0, 'python'), 'ast:1'],
      [sampleKey('A', 2, 'python'), 'ast:2'],
    ]);
    const withForms = summarizeRun({
      dataset: 'd',
      model: 'm',
      problems: ['A'].map((id) => ({ id, language: 'python' })),
      n: 4,
      k: [1],
      results,
      samples,
      confidence,
      programForms: forms,
      normalization: 'Python AST',
    });
    // Passing A: ast:1, ast:2 and the text form of sample 3: three programs.
    expect(withForms.diversity?.distinct_passing_per_problem).toBe(3);
    expect(withForms.diversity?.single_program_passing).toEqual([]);
    expect(withForms.diversity?.normalization).toMatch(/^Python AST; otherwise comments removed/);
  });

  it('shows pass^k, the first-pass histogram and diversity in every format', () => {
    const table = renderSummary(summary, 'table');
    expect(table).toContain('pass^2 22.2%');
    expect(table).toContain(
      'first passing sample (0-based, generation order): #0: 1, #2: 1; never: 1',
    );
    expect(table).toMatch(/2 problems pass with one program only \(A, B\)/);
    expect(renderSummary(summary, 'markdown')).toContain('- pass^k (all k samples pass)');
    expect(renderSummary(summary, 'csv')).toContain('pass^k,2,0.2222222222222222,,');
  });

  it('renders a summary written before pass^k, first_pass and the diversity details existed', () => {
    const { pass_hat_k, first_pass, ...older } = summary;
    const old = {
      ...older,
      diversity: { distinct_per_problem: 2, distinct_passing_per_problem: 1 },
    };
    for (const format of ['table', 'markdown', 'csv', 'json'] as const) {
      expect(renderSummary(old, format)).toContain(format === 'csv' ? 'all,1,' : 'distinct');
    }
    expect(renderSummary(old, 'table')).toMatch(
      /2\.00 distinct programs per problem, 1\.00 among passing ones\n.*normalization: whitespace/,
    );
  });
});

describe('summarizeRun: slices', () => {
  // MultiPL-E's ids repeat across languages: (task, language) is the key.
  const fixtures: Fixture[] = [
    { task: 'HumanEval_0_f', language: 'lua', code: 'return 1', passed: true },
    { task: 'HumanEval_0_f', language: 'cpp', code: 'return 1;', passed: false },
    { task: 'HumanEval_1_g', language: 'lua', code: 'return 2', passed: true },
    { task: 'HumanEval_1_g', language: 'cpp', code: 'return 2;', passed: true },
  ];
  const { results, samples } = records(fixtures);
  const summary = summarizeRun({
    dataset: 'multipl-e',
    model: 'm',
    problems: [
      { id: 'HumanEval_0_f', language: 'lua', metadata: { tags: ['math'], date: '2024-03-02' } },
      { id: 'HumanEval_1_g', language: 'lua', metadata: { tags: ['math', 'string'] } },
      { id: 'HumanEval_0_f', language: 'cpp', metadata: { difficulty: 'easy' } },
      { id: 'HumanEval_1_g', language: 'cpp', metadata: null },
    ],
    n: 1,
    k: [1],
    results,
    samples,
    confidence,
  });

  it('keys problems by language and task id, and reports each language', () => {
    expect(summary.problems).toBe(4);
    expect(summary.pass_at_k['1']?.estimate).toBe(0.75);
    expect(summary.languages?.lua?.pass_at_k['1']?.estimate).toBe(1);
    expect(summary.languages?.cpp?.pass_at_k['1']?.estimate).toBe(0.5);
  });

  it('slices by language, tag, difficulty and month, flagging small slices', () => {
    const brief = summary.slices?.map((slice) => [
      slice.kind,
      slice.value,
      slice.problems,
      slice.pass_at_k['1']?.estimate,
      slice.small,
    ]);
    expect(brief).toEqual([
      ['language', 'lua', 2, 1, true],
      ['language', 'cpp', 2, 0.5, true],
      ['tag', 'math', 2, 1, true],
      ['tag', 'string', 1, 1, true],
      ['difficulty', 'easy', 1, 0, true],
      ['date', '2024-03', 1, 1, true],
    ]);
    const slice = summary.slices?.[1];
    expect(slice?.pass_at_k['1']?.ci_low).toBeLessThanOrEqual(0.5);
    expect(slice?.pass_at_k['1']?.ci_high).toBeGreaterThanOrEqual(0.5);
    expect(renderSummary(summary, 'table')).toMatch(/language: cpp \*\s+2\s+50\.0 \[/);
    expect(renderSummary(summary, 'csv')).toContain('slice:tag:math,1,1,1,1');
  });

  it('names problems with their language in lists of a multi-language run', () => {
    expect(summary.first_pass).toEqual({ histogram: { '0': 3 }, never: 1 });
    expect(summary.diversity?.single_program_passing).toEqual([]);
  });

  it('has no slices for one language without metadata', () => {
    const single = summarizeRun({
      dataset: 'd',
      model: 'm',
      problems: [{ id: 'HumanEval_0_f', language: 'lua' }],
      n: 1,
      k: [1],
      results,
      confidence,
    });
    expect(single.slices).toBeUndefined();
  });
});
