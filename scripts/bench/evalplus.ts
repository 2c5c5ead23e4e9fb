/**
 * Bench section `evalplus`: HumanEval+ evaluation throughput of passk against a naive baseline
 * measured in the same run, on this machine.
 *
 * Sample set: Qwen2.5-Coder-1.5B base's 164 HumanEval outputs (EvalPlus format), scored against
 * HumanEval+ v0.1.9 (about 750 inputs per task), in BENCH_REPEAT copies (default 2) made
 * distinct by a trailing comment so that nothing is deduplicated.
 *
 * Measured:
 *  - the ground truth (expected outputs and times of every task), once, before the rest;
 *  - passk: `passk evaluate --dataset humaneval-plus-v0.1.9 --no-cache` (warm fork server,
 *    one job per core, base and plus inputs each in a forked child);
 *  - baseline: a fresh interpreter per sample, one sample at a time, checking its inputs one
 *    by one (`python3 evalplus_runner.py exec check` spawned per sample: the same checks).
 * Ratios, not absolute times, are the result.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './section.ts';

const repeat = Number(process.env.BENCH_REPEAT_EVALPLUS ?? 2);
const python = '/usr/bin/python3';

interface Sample {
  task_id: string;
  completion: string;
}

interface Measurement {
  readonly name: string;
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

const readLines = (path: string): Record<string, unknown>[] => {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

async function run(context: BenchContext) {
  const bin = join(context.root, 'packages/cli/dist/bin.js');
  const runner = join(context.root, 'packages/languages/assets/python/evalplus_runner.py');
  const dataFile = join(context.dataDir, 'humaneval-plus/v0.1.9/HumanEvalPlus.jsonl.gz');
  const work = mkdtempSync(join(tmpdir(), 'passk-bench-evalplus-'));
  const cacheDir = join(work, 'cache');
  const taskIndex = new Map(
    readLines(dataFile).map((record, index) => [record.task_id as string, index]),
  );
  const base = readLines(
    join(
      context.dataDir,
      'samples/qwen2.5-coder-base/1.5b-base/evalplus/humaneval/generated.jsonl.gz',
    ),
  ).map((record) => ({
    task_id: record.task_id as string,
    completion: record.completion as string,
  }));
  const unique: Sample[] = Array.from({ length: repeat }, (_, copy) =>
    base.map((sample) => ({ ...sample, completion: `${sample.completion}\n# copy ${copy}` })),
  ).flat();
  const prompts = new Map(
    readLines(dataFile).map((record) => [record.task_id as string, record.prompt as string]),
  );

  // The ground truth, computed once where passk looks for it (content hash, format 2).
  const sha = spawnSync('sha256sum', [dataFile]).stdout.toString().split(' ')[0] as string;
  const groundTruth = join(cacheDir, 'evalplus', `humaneval-${sha.slice(0, 16)}-gt2`);
  mkdirSync(join(cacheDir, 'evalplus'), { recursive: true });
  const gtStarted = performance.now();
  const gt = spawnSync(
    python,
    ['-B', runner, 'exec', 'groundtruth', dataFile, '--kind', 'humaneval', '--out', groundTruth],
    { stdio: 'inherit' },
  );
  if (gt.status !== 0) throw new Error('ground truth failed');
  const gtSeconds = (performance.now() - gtStarted) / 1000;

  const measurements: Measurement[] = [];

  // Baseline: one fresh interpreter per sample, one at a time, on the first copy.
  const baselineDir = mkdtempSync(join(work, 'baseline-'));
  const baselineSamples = unique.slice(0, base.length);
  const started = performance.now();
  for (const [index, sample] of baselineSamples.entries()) {
    const path = join(baselineDir, `s${index}.py`);
    writeFileSync(path, `${prompts.get(sample.task_id)}${sample.completion}`);
    spawnSync(
      python,
      [
        '-B',
        runner,
        'exec',
        'check',
        path,
        '--task',
        join(groundTruth, `${taskIndex.get(sample.task_id)}.pkl`),
        '--kind',
        'humaneval',
        '--min-time-limit',
        '4',
        '--gt-factor',
        '4',
        '--report',
        join(baselineDir, `r${index}.json`),
        '--max-memory',
        String(4 * 1024 ** 3),
      ],
      { cwd: baselineDir, stdio: 'ignore', timeout: 300_000 },
    );
  }
  const baselineSeconds = (performance.now() - started) / 1000;
  measurements.push({
    name: 'baseline: fresh interpreter per sample, one at a time',
    samples: baselineSamples.length,
    seconds: baselineSeconds,
    samplesPerSecond: baselineSamples.length / baselineSeconds,
  });

  const file = join(work, 'samples.jsonl');
  writeFileSync(file, unique.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
  const passkStarted = performance.now();
  const child = spawn(
    process.execPath,
    [
      bin,
      'evaluate',
      file,
      '--dataset',
      'humaneval-plus-v0.1.9',
      '--out',
      join(work, 'run'),
      '--json',
      '--no-cache',
    ],
    {
      env: { ...process.env, PASSK_DATA_DIR: context.dataDir, PASSK_CACHE_DIR: cacheDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`passk evaluate failed (${code}): ${stderr}`);
  const passkSeconds = (performance.now() - passkStarted) / 1000;
  measurements.push({
    name: `passk evaluate, ${repeat} distinct copies`,
    samples: unique.length,
    seconds: passkSeconds,
    samplesPerSecond: unique.length / passkSeconds,
  });

  // The work directory holds the ground truth (about 250 MB).
  rmSync(work, { recursive: true, force: true });
  const baseline = measurements[0] as Measurement;
  return {
    title: `HumanEval+ v0.1.9 evaluation throughput (this machine, this run; ground truth computed once in ${gtSeconds.toFixed(1)} s, not counted)`,
    columns: ['run', 'samples', 'seconds', 'samples/s', '× baseline'],
    rows: measurements.map((row) => [
      row.name,
      row.samples,
      row.seconds.toFixed(1),
      row.samplesPerSecond.toFixed(2),
      (row.samplesPerSecond / baseline.samplesPerSecond).toFixed(1),
    ]),
    data: { groundTruthSeconds: gtSeconds, measurements },
  };
}

export const evalPlusBench: BenchSection = {
  name: 'evalplus',
  description: 'HumanEval+ throughput vs a fresh interpreter per sample checking inputs one by one',
  run,
};
