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
 *    by one (`python3 evalplus_runner.py exec check` spawned per sample: the same checks);
 *  - the cost of passk's isolated judge: the same programs through passk's executor (sandbox,
 *    warm fork server, one job per core), judged by `evalplus-check` (EvalPlus's check alone:
 *    base and plus inputs each in a forked child) and by `evalplus` (the solution called in a
 *    process of its own and compared apart, then EvalPlus's check as the reference), with the
 *    passes each judge gives (they must agree on real samples).
 * Ratios, not absolute times, are the result.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  createLocalExecutor,
  evalPlusConfigFile,
  type Program,
} from '../../packages/core/src/index.ts';
import { builtinLanguages } from '../../packages/languages/src/index.ts';
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
  /** Samples passed (plus verdict), where known. */
  readonly passed?: number;
}

/** `programs` judged by `judge` through passk's executor (sandbox, warm server, a job per core). */
async function measureJudge(
  name: string,
  programs: readonly Program[],
  judge: 'evalplus' | 'evalplus-check',
): Promise<Measurement> {
  const language = builtinLanguages.python();
  const toolchain = await language.detect();
  const executor = createLocalExecutor({ concurrency: availableParallelism() });
  const started = performance.now();
  const verdicts = await Promise.all(
    programs.map(async (base) => {
      const program = { ...base, judge };
      const result = await executor.execute({
        files: program.files,
        steps: language.steps(program, toolchain, { timeoutFactor: 1 }),
        limits: language.limits(program),
      });
      return language.classify(program, result);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await executor.close();
  return {
    name,
    samples: programs.length,
    seconds,
    samplesPerSecond: programs.length / seconds,
    passed: verdicts.filter((verdict) => verdict.passed).length,
  };
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

  // The cost of the isolated judge: the same programs, EvalPlus's check alone, then the judge.
  const programs: Program[] = unique.map((sample, index) => ({
    language: 'python',
    files: [
      { path: 'solution.py', contents: `${prompts.get(sample.task_id)}${sample.completion}` },
      evalPlusConfigFile({
        kind: 'humaneval',
        dataFile,
        groundTruthDir: groundTruth,
        taskIndex: taskIndex.get(sample.task_id) ?? index,
        taskId: sample.task_id,
        // humaneval-plus-v0.1.9's limits (EvalPlus's minimum of the time).
        minTimeLimitMs: 1000,
        gtTimeLimitFactor: 4,
      }),
    ],
    mainFile: 'solution.py',
    judge: 'evalplus',
    timeoutMs: 2 * (60_000 + 3000),
  }));
  measurements.push(
    await measureJudge(
      "passk executor, evalplus-check (EvalPlus's check alone)",
      programs,
      'evalplus-check',
    ),
    await measureJudge('passk executor, evalplus (isolated judge)', programs, 'evalplus'),
  );

  // The work directory holds the ground truth (about 250 MB).
  rmSync(work, { recursive: true, force: true });
  const baseline = measurements[0] as Measurement;
  return {
    title: `HumanEval+ v0.1.9 evaluation throughput (this machine, this run; ground truth computed once in ${gtSeconds.toFixed(1)} s, not counted)`,
    columns: ['run', 'samples', 'passed', 'seconds', 'samples/s', '× baseline'],
    rows: measurements.map((row) => [
      row.name,
      row.samples,
      row.passed ?? '-',
      row.seconds.toFixed(1),
      row.samplesPerSecond.toFixed(2),
      (row.samplesPerSecond / baseline.samplesPerSecond).toFixed(1),
    ]),
    data: { groundTruthSeconds: gtSeconds, measurements },
  };
}

export const evalPlusBench: BenchSection = {
  name: 'evalplus',
  description:
    "HumanEval+ throughput vs a fresh interpreter per sample checking inputs one by one; the isolated judge vs EvalPlus's check alone",
  run,
};
