/**
 * Bench section `distributed`: `passk evaluate` on the local executor and with `--queue` on
 * 1, 2 and 4 `passk worker` processes (one program at a time each) on this machine, on the
 * same all-distinct HumanEval programs, against a redis-server started for the bench.
 *
 * Sample set: the HumanEval samples of $PASSK_DATA_DIR/samples (Reflexion runs and
 * Qwen2.5-Coder 1.5B), copies made distinct by a trailing comment, the first
 * BENCH_DISTRIBUTED_SAMPLES (default 3,000).
 *
 * Measured per configuration: samples/s and its ratio to the ideal (the local rate with the
 * same number of programs at once, capped at the cores: workers on one machine share its
 * cores); for queue runs, the run process's CPU per job, Redis's CPU per job, and Redis's
 * round trip. docs/distributed.md derives the scaling to N machines from these.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { redisSkipReason, startRedis, type TestRedis } from '../test-support/redis-server.ts';
import type { BenchContext, BenchSection } from './section.ts';

const sampleCount = Number(process.env.BENCH_DISTRIBUTED_SAMPLES ?? 3000);
const WORKER_COUNTS = [1, 2, 4] as const;

interface Sample {
  task_id: string;
  completion: string;
}

interface Measurement {
  readonly name: string;
  /** Programs executed at once. */
  readonly slots: number;
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  /** CPU milliseconds of the run process (not its children) per job, start-up included. */
  readonly runCpuMsPerJob: number;
  /** CPU milliseconds of the worker processes (not their sandboxes) per job (queue runs). */
  readonly workerCpuMsPerJob?: number;
  /** CPU milliseconds of redis-server per job (queue runs). */
  readonly redisCpuMsPerJob?: number;
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
  const base: Sample[] = [];
  for (const file of [
    'simple_test_run/simple_1_gpt-4_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_gpt-3.5-turbo_pass_at_k_1.jsonl',
    'simple_test_run/simple_1_text-davinci-003_pass_at_k_1.jsonl',
    'reflexion_humaneval_py_pass_at_1/reflexion_humaneval_py_pass_at_1.jsonl',
  ]) {
    for (const record of readLines(join(reflexion, file)))
      base.push({ task_id: record.task_id as string, completion: record.solution as string });
  }
  for (const record of readLines(
    join(dataDir, 'samples/qwen2.5-coder-base/1.5b-base/evalplus/humaneval/generated.jsonl.gz'),
  )) {
    base.push({ task_id: record.task_id as string, completion: record.completion as string });
  }
  const distinct: Sample[] = [];
  for (let copy = 0; distinct.length < sampleCount; copy++) {
    for (const sample of base) {
      distinct.push({ ...sample, completion: `${sample.completion}\n# copy ${copy}` });
    }
  }
  return distinct.slice(0, sampleCount);
}

/** CPU milliseconds a process has used (utime + stime of /proc/<pid>/stat). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface Spawned {
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
  readonly pid: number | undefined;
  kill(signal: NodeJS.Signals): void;
}

function start(bin: string, argv: readonly string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, [bin, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  child.stdout.resume();
  return {
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('close', resolve)),
    pid: child.pid,
    kill: (signal) => child.kill(signal),
  };
}

async function startWorkers(
  bin: string,
  count: number,
  queue: string,
  env: NodeJS.ProcessEnv,
): Promise<Spawned[]> {
  const workers = Array.from({ length: count }, () =>
    start(bin, ['worker', '--queue', queue, '--languages', 'python', '--concurrency', '1'], env),
  );
  for (const worker of workers) {
    const deadline = Date.now() + 120_000;
    while (!worker.stderr().includes('serving')) {
      if (Date.now() > deadline) throw new Error(`passk worker did not start: ${worker.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return workers;
}

/** Runs `passk evaluate` (its run process's CPU read just before it exits, via a wrapper). */
async function measureEvaluate(
  bin: string,
  name: string,
  file: string,
  out: string,
  slots: number,
  env: NodeJS.ProcessEnv,
  queue?: { readonly url: string; readonly redis: TestRedis; readonly workers: Spawned[] },
): Promise<Measurement> {
  const argv = [
    'evaluate',
    file,
    '--dataset',
    'humaneval',
    '--out',
    out,
    '--json',
    '--no-cache',
    ...(queue ? ['--queue', queue.url] : ['--workers', String(slots)]),
  ];
  const redisBefore = queue ? cpuMs(queue.redis.pid()) : 0;
  const workersCpu = () =>
    (queue?.workers ?? []).reduce((total, worker) => total + cpuMs(worker.pid), 0);
  const workersBefore = workersCpu();
  const started = performance.now();
  const run = start(bin, argv, env);
  let lastCpu = 0;
  const sampler = setInterval(() => {
    try {
      lastCpu = cpuMs(run.pid);
    } catch {
      // exited
    }
  }, 100);
  const code = await run.exited;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`passk evaluate failed (${code}): ${run.stderr()}`);
  const samples = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  return {
    name,
    slots,
    samples,
    seconds,
    samplesPerSecond: samples / seconds,
    runCpuMsPerJob: lastCpu / samples,
    ...(queue
      ? {
          redisCpuMsPerJob: (cpuMs(queue.redis.pid()) - redisBefore) / samples,
          workerCpuMsPerJob: (workersCpu() - workersBefore) / samples,
        }
      : {}),
  };
}

/** Median round trip of PING to Redis, in milliseconds. */
async function redisRoundTripMs(port: number): Promise<number> {
  const { Redis } = await import('ioredis');
  const redis = new Redis({ host: '127.0.0.1', port });
  const times: number[] = [];
  for (let index = 0; index < 2000; index++) {
    const started = performance.now();
    await redis.ping();
    times.push(performance.now() - started);
  }
  await redis.quit();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function run(context: BenchContext) {
  const skip = redisSkipReason('bench distributed');
  if (skip !== undefined) {
    return { title: `distributed: skipped (${skip})`, columns: [], rows: [], data: { skip } };
  }
  const bin = join(context.root, 'packages/cli/dist/bin.js');
  const work = mkdtempSync(join(tmpdir(), 'passk-bench-distributed-'));
  const file = join(work, 'samples.jsonl');
  writeFileSync(
    file,
    loadSamples(context.dataDir)
      .map((sample) => `${JSON.stringify(sample)}\n`)
      .join(''),
  );
  const env = {
    ...process.env,
    PASSK_DATA_DIR: context.dataDir,
    PASSK_CACHE_DIR: join(work, 'cache'),
  };
  const cores = availableParallelism();
  process.stderr.write(`bench: ${sampleCount} distinct HumanEval programs; work dir ${work}\n`);
  const redis = await startRedis(work);
  const measurements: Measurement[] = [];
  let roundTripMs = Number.NaN;
  try {
    measurements.push(
      await measureEvaluate(bin, 'local executor, 1 at once', file, join(work, 'local-1'), 1, env),
    );
    measurements.push(
      await measureEvaluate(
        bin,
        `local executor, ${cores} at once`,
        file,
        join(work, `local-${cores}`),
        cores,
        env,
      ),
    );
    for (const count of WORKER_COUNTS) {
      const url = redis.url(count);
      const workers = await startWorkers(bin, count, url, env);
      measurements.push(
        await measureEvaluate(
          bin,
          `--queue, ${count} worker process${count > 1 ? 'es' : ''} × 1`,
          file,
          join(work, `queue-${count}`),
          count,
          env,
          { url, redis, workers },
        ),
      );
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map((worker) => worker.exited));
    }
    roundTripMs = await redisRoundTripMs(redis.port);
  } finally {
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const localRate = (slots: number) =>
    (
      measurements.find(
        (row) => row.slots === Math.min(slots, cores) && row.redisCpuMsPerJob === undefined,
      ) ?? (measurements[0] as Measurement)
    ).samplesPerSecond;
  const oneSlot = measurements[0] as Measurement;
  const oneWorker = measurements.find(
    (row) => row.redisCpuMsPerJob !== undefined && row.slots === 1,
  );
  const overheadMs = oneWorker
    ? 1000 / oneWorker.samplesPerSecond - 1000 / oneSlot.samplesPerSecond
    : Number.NaN;
  return {
    title: `Distributed execution on this machine (${cores} cores): ${sampleCount} distinct HumanEval programs; Redis PING ${roundTripMs.toFixed(3)} ms; queue overhead per job (1 worker vs 1 local slot) ${overheadMs.toFixed(1)} ms`,
    columns: [
      'executor',
      'at once',
      'samples',
      'seconds',
      'samples/s',
      '× ideal',
      'run CPU ms/job',
      'workers CPU ms/job',
      'Redis CPU ms/job',
    ],
    rows: measurements.map((row) => [
      row.name,
      row.slots,
      row.samples,
      row.seconds.toFixed(1),
      row.samplesPerSecond.toFixed(2),
      (row.samplesPerSecond / localRate(row.slots)).toFixed(2),
      row.runCpuMsPerJob.toFixed(2),
      row.workerCpuMsPerJob?.toFixed(2) ?? '-',
      row.redisCpuMsPerJob?.toFixed(2) ?? '-',
    ]),
    data: { cores, roundTripMs, overheadMs, measurements },
  };
}

export const distributedBench: BenchSection = {
  name: 'distributed',
  description: 'local executor vs --queue with 1, 2, 4 passk worker processes (real redis-server)',
  run,
};
