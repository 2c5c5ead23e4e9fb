import { describe, expect, it } from 'vitest';
import { resultRecord } from '../../../../scripts/test-support/result-record.ts';
import type { ResultRecord } from '../spec/run.ts';
import { sampleKey } from '../store/run-files.ts';
import { renderSummary } from './render-summary.ts';
import { summarizeRun } from './summarize-run.ts';

/** Test subsets (`Verdict.subsets`, EvalPlus's `base`) are scored next to the full verdict. */
function result(taskId: string, index: number, passed: boolean, base?: boolean): ResultRecord {
  return resultRecord({
    task_id: taskId,
    sample_index: index,
    language: 'python',
    passed,
    execution_key: `${taskId}-${index}`,
    ...(base === undefined ? {} : { subsets: { base } }),
  });
}

describe('summarizeRun with test subsets', () => {
  const records = [
    result('A', 0, true, true),
    result('A', 1, false, true),
    result('B', 0, false, true),
    result('B', 1, false, false),
  ];
  const summary = summarizeRun({
    dataset: 'humaneval-plus',
    model: 'm',
    problems: [
      { id: 'A', language: 'python' },
      { id: 'B', language: 'python' },
    ],
    n: 2,
    k: [1, 2],
    results: new Map(
      records.map((record) => [
        sampleKey(record.task_id, record.sample_index, record.language),
        record,
      ]),
    ),
    confidence: { resamples: 200, level: 0.95, seed: 1 },
  });

  it('reports pass@k per subset from the same samples', () => {
    expect(summary.pass_at_k['1']?.estimate).toBe(0.25);
    expect(summary.subsets?.base?.pass_at_k['1']?.estimate).toBe(0.75);
    expect(summary.subsets?.base?.pass_at_k['2']?.estimate).toBe(1);
    expect(summary.subsets?.base?.excluded_k).toEqual([]);
  });

  it('shows the subset rows in every format', () => {
    expect(renderSummary(summary, 'table')).toMatch(/pass@1 \(base\)\s+75\.0/);
    expect(renderSummary(summary, 'markdown')).toContain('| pass@1 (base) | 75.0 |');
    expect(renderSummary(summary, 'csv')).toContain('subset:base,1,0.75,');
  });

  it('has no subsets when no result carries one', () => {
    const plain = summarizeRun({
      dataset: 'humaneval',
      model: 'm',
      problems: [{ id: 'A', language: 'python' }],
      n: 1,
      k: [1],
      results: new Map([[sampleKey('A', 0, 'python'), result('A', 0, true)]]),
      confidence: { resamples: 200, level: 0.95, seed: 1 },
    });
    expect(plain.subsets).toBeUndefined();
  });
});
