/**
 * Bench section `sandbox`: what the bubblewrap sandbox costs, measured against no sandbox in
 * the same run, on this machine.
 *
 * - `passk evaluate` on HumanEval (the published sample sets, BENCH_SANDBOX_COPIES copies made
 *   distinct, default 2, i.e. 1,640 samples) with `--sandbox none` and with `--sandbox bwrap`
 *   (the default: a warm Python server per slot, in a sandbox of its own);
 * - one process per sample (no warm server), through the executor directly: BENCH_SPAWN_SAMPLES
 *   (default 100) unique samples with `sandbox: 'none'` and `sandbox: 'bwrap'` (a fresh
 *   sandbox per sample, as compiled languages get).
 *
 * The order alternates (none, bwrap, bwrap, none) and each figure is the mean of its two
 * runs, so drift in the machine's load affects both sides alike. Ratios are the result. The
 * evaluate rows also give the samples that timed out and were re-run alone, those kept
 * without a re-run as CPU-bound, and the wall-clock seconds the re-runs took.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './section.ts';

const copies = Number(process.env.BENCH_SANDBOX_COPIES ?? 2);
const spawnSamples = Number(process.env.BENCH_SPAWN_SAMPLES ?? 100);

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

function loadSamples(dataDir: string): Sample[] {
  const reflexion = join(dataDir, 'samples/reflexion');
  const samples: Sample[] = [];
  for (const file of [
    'simple_test_run/simple_1_gpt-4_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_gpt-3.5-turbo_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_text-davinci-003_pass_at_k_1.jsonl',
    'reflexion_humaneval_py_pass_at_1/reflexion_humaneval_py_pass_at_1.jsonl',
  ]) {
    for (const record of readLines(join(reflexion, file))) {
      samples.push({ task_id: record.task_id as string, completion: record.solution as string });
    }
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
}

async function evaluate(
  context: BenchContext,
  work: string,
  file: string,
  sandbox: 'none' | 'bwrap',
  round: number,
): Promise<{ seconds: number; timeouts: TimeoutReruns }> {
  const out = join(work, `run-${sandbox}-${round}`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(context.root, 'packages/cli/dist/bin.js'),
      'evaluate',
      file,
      '--dataset',
      'humaneval',
      '--out',
      out,
      '--json',
      '--no-cache',
      '--sandbox',
      sandbox,
    ],
    {
      env: {
        ...process.env,
        PASSK_DATA_DIR: context.dataDir,
        PASSK_CACHE_DIR: join(work, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0)
    throw new Error(`passk evaluate --sandbox ${sandbox} failed (${code}): ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, timeouts: timeoutReruns(out) };
}

/** The timeouts of an evaluate run: re-run alone, kept as CPU-bound, and the re-runs' time. */
interface TimeoutReruns {
  readonly rerun: number;
  readonly cpuBound: number;
  /** Wall-clock time of the re-runs (one per distinct program), in seconds. */
  readonly rerunSeconds: number;
}

function timeoutReruns(out: string): TimeoutReruns {
  const results = readLines(join(out, 'results.jsonl'));
  const rerunMs = new Map<string, number>();
  let cpuBound = 0;
  for (const result of results) {
    if (result.rerun !== undefined) {
      rerunMs.set(result.execution_key as string, result.duration_ms as number);
    } else if (result.status === 'timeout' && result.cpu_bound === true) cpuBound++;
  }
  const rerun = results.filter((result) => result.rerun !== undefined).length;
  const total = [...rerunMs.values()].reduce((sum, ms) => sum + ms, 0);
  return { rerun, cpuBound, rerunSeconds: total / 1000 };
}

async function spawnEach(
  context: BenchContext,
  samples: readonly Sample[],
  problems: Map<string, Record<string, unknown>>,
  sandbox: 'none' | 'bwrap',
): Promise<number> {
  const core = (await import(
    join(context.root, 'packages/core/dist/index.js')
  )) as typeof import('../../packages/core/src/index.ts');
  const languages = (await import(
    join(context.root, 'packages/languages/dist/index.js')
  )) as typeof import('../../packages/languages/src/index.ts');
  const language = languages.createPythonLanguage({ python: '/usr/bin/python3' });
  const toolchain = await language.detect();
  const executor = core.createLocalExecutor({ sandbox, useStepServers: false });
  const started = performance.now();
  try {
    await Promise.all(
      samples.map(async (sample) => {
        const problem = problems.get(sample.task_id) as Record<string, unknown>;
        const program = {
          language: 'python',
          files: [
            {
              path: 'main.py',
              contents: `${problem.prompt}${sample.completion}\n${problem.test}\ncheck(${problem.entry_point})`,
            },
          ],
          mainFile: 'main.py',
          judge: 'humaneval-exec',
          timeoutMs: 3000,
        };
        await executor.execute({
          files: program.files,
          steps: language.steps(program, toolchain, { timeoutFactor: 1 }),
          limits: language.limits(program),
        });
      }),
    );
  } finally {
    await executor.close();
  }
  return (performance.now() - started) / 1000;
}

async function run(context: BenchContext) {
  const work = mkdtempSync(join(tmpdir(), 'passk-bench-sandbox-'));
  const base = loadSamples(context.dataDir);
  const unique = Array.from({ length: copies }, (_, copy) =>
    base.map((sample) => ({ ...sample, completion: `${sample.completion}\n# copy ${copy}` })),
  ).flat();
  const file = join(work, 'samples.jsonl');
  writeFileSync(file, unique.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
  const problems = new Map(
    readLines(join(context.dataDir, 'humaneval/HumanEval.jsonl.gz')).map((record) => [
      record.task_id as string,
      record,
    ]),
  );
  const stride = Math.max(1, Math.floor(unique.length / spawnSamples));
  const subset = unique.filter((_, index) => index % stride === 0).slice(0, spawnSamples);
  process.stderr.write(
    `bench: sandbox: ${unique.length} samples through passk evaluate, ${subset.length} spawned one per process; work dir ${work}\n`,
  );

  const seconds: Record<string, number[]> = {};
  const timeouts: Record<string, TimeoutReruns[]> = {};
  const add = (name: string, value: number): void => {
    seconds[name] = [...(seconds[name] ?? []), value];
  };
  for (const [round, order] of [
    ['none', 'bwrap'],
    ['bwrap', 'none'],
  ].entries()) {
    for (const sandbox of order as ('none' | 'bwrap')[]) {
      const evaluated = await evaluate(context, work, file, sandbox, round);
      add(`evaluate ${sandbox}`, evaluated.seconds);
      timeouts[`evaluate ${sandbox}`] = [
        ...(timeouts[`evaluate ${sandbox}`] ?? []),
        evaluated.timeouts,
      ];
      add(`spawn ${sandbox}`, await spawnEach(context, subset, problems, sandbox));
    }
  }
  rmSync(work, { recursive: true, force: true });
  const mean = (values: readonly number[]): number =>
    values.reduce((total, value) => total + value, 0) / values.length;
  const measure = (name: string, key: string, samples: number): Measurement => {
    const time = mean(seconds[key] ?? [0]);
    return { name, samples, seconds: time, samplesPerSecond: samples / time };
  };
  const rows = [
    measure('passk evaluate, --sandbox none (warm server)', 'evaluate none', unique.length),
    measure(
      'passk evaluate, --sandbox bwrap (warm server in a sandbox)',
      'evaluate bwrap',
      unique.length,
    ),
    measure('one process per sample, no sandbox', 'spawn none', subset.length),
    measure('one process per sample, a bwrap sandbox each', 'spawn bwrap', subset.length),
  ];
  const [evaluateNone, evaluateBwrap, spawnNone, spawnBwrap] = rows as [
    Measurement,
    Measurement,
    Measurement,
    Measurement,
  ];
  // Extra pool time per sample: wall-clock difference times the slots working in parallel.
  const costMs = (sandboxed: Measurement, plain: Measurement): number =>
    ((sandboxed.seconds - plain.seconds) / sandboxed.samples) * 1000 * availableParallelism();
  return {
    title: 'Sandbox cost (this machine, this run; each figure the mean of two alternating runs)',
    columns: [
      'run',
      'samples',
      'seconds',
      'samples/s',
      '× without sandbox',
      'sandbox cost per sample',
      'timeouts re-run / CPU-bound (re-run s)',
    ],
    rows: rows.map((row, index) => {
      const plain = index < 2 ? evaluateNone : spawnNone;
      const sandboxed = index === 1 || index === 3;
      return [
        row.name,
        row.samples,
        row.seconds.toFixed(1),
        row.samplesPerSecond.toFixed(1),
        (row.samplesPerSecond / plain.samplesPerSecond).toFixed(2),
        sandboxed ? `${costMs(row, plain).toFixed(1)} ms of pool time` : '-',
        index < 2 ? timeoutCell(timeouts[index === 0 ? 'evaluate none' : 'evaluate bwrap']) : '-',
      ];
    }),
    data: { copies, seconds, timeouts, rows, evaluateBwrap, spawnBwrap },
  };
}

/** Timeouts re-run and kept as CPU-bound, and the re-runs' seconds, of the runs (mean). */
function timeoutCell(runs: readonly TimeoutReruns[] = []): string {
  if (runs.length === 0) return '-';
  const mean = (pick: (run: TimeoutReruns) => number): number =>
    runs.reduce((total, run) => total + pick(run), 0) / runs.length;
  const rerun = mean((run) => run.rerun);
  const cpuBound = mean((run) => run.cpuBound);
  return `${rerun.toFixed(1)} / ${cpuBound.toFixed(1)} (${mean((run) => run.rerunSeconds).toFixed(1)} s)`;
}

export const sandboxBench: BenchSection = {
  name: 'sandbox',
  description: 'samples/s with and without the bubblewrap sandbox, same run',
  run,
};
