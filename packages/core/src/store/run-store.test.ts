import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultRecord } from '../../../../scripts/test-support/result-record.ts';
import { temporaryDirectory } from '../../../../scripts/test-support/temporary-directory.ts';
import { testManifest } from '../../../../scripts/test-support/test-manifest.ts';
import type { ResultRecord, RunManifest, SampleRecord } from '../spec/run.ts';
import { openRunStore } from './run-store.ts';

const manifest: RunManifest = testManifest({
  created_at: '2026-01-01T00:00:00.000Z',
  passk_version: '0.0.0',
  dataset: { id: 'demo', version: '1', content_hash: 'abc' },
  provider: { id: 'reference', model: 'reference' },
  n: 2,
  task_ids: ['t/0'],
});

const sample = (index: number): SampleRecord => ({
  task_id: 't/0',
  sample_index: index,
  raw: 'x',
  completion: 'x',
  kind: 'completion',
  finish_reason: 'replay',
  latency_ms: 0,
});

const result = (index: number): ResultRecord =>
  resultRecord({
    task_id: 't/0',
    sample_index: index,
    language: 'python',
    passed: true,
    detail: 'passed',
  });

const directory = () => temporaryDirectory('passk-store-');

describe('openRunStore', () => {
  it('reads back what was appended, after reopening', async () => {
    const dir = directory();
    const store = await openRunStore(dir, manifest);
    store.appendSample(sample(0));
    store.appendResult(result(0));
    store.close();
    const reopened = await openRunStore(dir, { ...manifest, n: 5 });
    expect([...reopened.samples.keys()]).toHaveLength(1);
    expect([...reopened.results.values()][0]?.passed).toBe(true);
    expect(reopened.manifest.n).toBe(5);
    reopened.close();
  });

  it('cuts a torn last line left by a crash and keeps appending cleanly', async () => {
    const dir = directory();
    const store = await openRunStore(dir, manifest);
    store.appendResult(result(0));
    store.close();
    appendFileSync(join(dir, 'results.jsonl'), '{"task_id": "t/0", "sample_ind');
    const reopened = await openRunStore(dir, manifest);
    expect(reopened.results.size).toBe(1);
    reopened.appendResult(result(1));
    reopened.close();
    const lines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).sample_index)).toEqual([0, 1]);
  });

  it('refuses a run directory made for another configuration', async () => {
    const dir = directory();
    (await openRunStore(dir, manifest)).close();
    await expect(
      openRunStore(dir, { ...manifest, provider: { id: 'replay:x', model: 'x' } }),
    ).rejects.toThrow(/different configuration.*model/);
  });

  it('refuses a second writer while the first holds the lock', async () => {
    const dir = directory();
    const first = await openRunStore(dir, manifest);
    writeFileSync(join(dir, 'run.lock'), String(process.ppid));
    await expect(openRunStore(dir, manifest)).rejects.toThrow(/in use by process/);
    first.close();
  });

  it('names the file and line of a corrupt record in the middle', async () => {
    const dir = directory();
    (await openRunStore(dir, manifest)).close();
    writeFileSync(
      join(dir, 'results.jsonl'),
      `${JSON.stringify(result(0))}\nnot json\n${JSON.stringify(result(1))}\n`,
    );
    await expect(openRunStore(dir, manifest)).rejects.toThrow(
      /results\.jsonl, line 2: not valid JSON/,
    );
  });

  it('validates records read back', async () => {
    const dir = directory();
    (await openRunStore(dir, manifest)).close();
    writeFileSync(
      join(dir, 'results.jsonl'),
      `${JSON.stringify({ ...result(0), status: 'great' })}\n`,
    );
    await expect(openRunStore(dir, manifest)).rejects.toThrow(
      /line 1, at \/status: expected one of/,
    );
  });
});
