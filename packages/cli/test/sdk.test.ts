/**
 * The SDK of the `passk` package: `evaluate` of records equals `evaluate` of the same lines in
 * a file, runs in the default directory and resumes there (also under `verdicts:
 * 'reference'`), rejects bad options with `UsageError` and unknown task ids with the line;
 * `run` with built-in ids; `plan` writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, plan, run, type SampleLine } from '../src/index.ts';
import { DATA_DIR } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'passk-sdk-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DEMO_SAMPLES = new URL('../../datasets/data/demo/samples.jsonl', import.meta.url);
const lines = readFileSync(DEMO_SAMPLES, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as SampleLine)
  .filter((line) => ['demo/0', 'demo/1', 'demo/2'].includes(line.task_id));

function context(name: string) {
  const cwd = mkdtempSync(join(root, `${name}-`));
  return {
    cwd,
    env: { ...process.env, PASSK_DATA_DIR: DATA_DIR, PASSK_CACHE_DIR: join(cwd, '.cache') },
    workers: 2,
  };
}

describe('passk SDK', () => {
  it('evaluate: records and a file give the same summary; the same call resumes', async () => {
    const options = context('evaluate');
    const fromRecords = await evaluate({ ...options, dataset: 'demo', samples: lines, k: [1] });
    expect(fromRecords.completed).toBe(true);
    expect(fromRecords.summary).toMatchObject({ dataset: 'demo', problems: 3 });
    expect(fromRecords.directory).toMatch(/\/runs\/evaluate-samples-[0-9a-f]{8}$/);
    const onDisk = JSON.parse(readFileSync(join(fromRecords.directory, 'summary.json'), 'utf8'));
    expect(fromRecords.summary).toEqual(onDisk);
    const again = await evaluate({ ...options, dataset: 'demo', samples: lines, k: [1] });
    expect(again.directory).toBe(fromRecords.directory);
    expect(again.summary).toEqual(fromRecords.summary);
    expect(again.manifest.created_at).toBe(fromRecords.manifest.created_at);
    // --verdicts reference: its own default directory, resumed by the same call.
    const reference = await evaluate({
      ...options,
      dataset: 'demo',
      samples: lines,
      k: [1],
      verdicts: 'reference',
    });
    expect(reference.directory).not.toBe(fromRecords.directory);
    const referenceAgain = await evaluate({
      ...options,
      dataset: 'demo',
      samples: lines,
      k: [1],
      verdicts: 'reference',
    });
    expect(referenceAgain.directory).toBe(reference.directory);
    expect(referenceAgain.manifest.created_at).toBe(reference.manifest.created_at);
    expect(readdirSync(join(options.cwd, 'runs'))).toHaveLength(2);
    const file = join(options.cwd, 'three.jsonl');
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const fromFile = await evaluate({
      ...options,
      dataset: 'demo',
      samples: 'three.jsonl',
      k: [1],
      out: 'from-file',
    });
    expect(fromFile.summary.pass_at_k).toEqual(fromRecords.summary.pass_at_k);
    expect(fromFile.manifest.input?.path).toBe(file);
  }, 300_000);

  it('bad options reject with the flag named; unknown task ids name the record', async () => {
    const options = context('usage');
    await expect(run({ ...options, dataset: 'demo', model: 'demo', n: 0 })).rejects.toMatchObject({
      code: 'usage',
      message: "-n expects a positive integer, got '0'",
    });
    await expect(
      run({ ...options, dataset: 'demo', model: 'demo', limit: 2, tasks: ['demo/0'] }),
    ).rejects.toThrow(/--limit and --tasks cannot be used together/);
    await expect(run({ ...options, dataset: 'no-such-set', model: 'demo' })).rejects.toThrow(
      /unknown dataset 'no-such-set'; known datasets: demo/,
    );
    await expect(
      evaluate({
        ...options,
        dataset: 'demo',
        samples: [...lines, { task_id: 'demo/nope', completion: '' }],
      }),
    ).rejects.toThrow(/samples, line 31, at \/task_id: unknown task_id 'demo\/nope'/);
    expect(existsSync(join(options.cwd, 'runs'))).toBe(false);
  });

  it('run with built-in ids; plan() projects and writes nothing', async () => {
    const options = context('run');
    const planned = await plan({ ...options, dataset: 'demo', model: 'demo', limit: 2 });
    expect(planned).toMatchObject({ dry_run: true, problems: 2, to_generate: 20 });
    expect(existsSync(join(options.cwd, 'runs'))).toBe(false);
    const handle = run({ ...options, dataset: 'demo', model: 'demo', limit: 2, k: [1, 10] });
    let progress = 0;
    handle.on('progress', () => progress++);
    const outcome = await handle;
    expect(progress).toBe(20);
    expect(outcome.summary.samples).toBe(20);
    expect(Object.keys(outcome.summary.pass_at_k)).toEqual(['1', '10']);
    expect(outcome.directory).toBe(join(options.cwd, 'runs', outcome.manifest.run_id));
    expect(outcome.manifest.run_id).toMatch(/^demo-demo-[0-9a-f]{8}$/);
  }, 300_000);
});
