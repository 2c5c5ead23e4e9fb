import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as fake from '../../../../scripts/test-support/fake-language.ts';
import { testManifest } from '../../../../scripts/test-support/test-manifest.ts';
import { stepResult } from '../conformance/step-result.ts';
import { summarizeRun } from '../report/summarize-run.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { ExecutionResult, Executor, StepResult } from '../spec/executor.ts';
import type { Language } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { Provider } from '../spec/provider.ts';
import type { RunManifest } from '../spec/run.ts';
import type { VerdictRule } from '../spec/verdict.ts';
import { openRunStore } from '../store/run-store.ts';
import { judgeExecution } from './judge-execution.ts';
import { runEval } from './run-eval.ts';

const root = mkdtempSync(join(tmpdir(), 'passk-run-eval-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One scripted step result per attempt; the last one repeats. */
type Script = readonly Partial<StepResult>[];

const step = stepResult;

const PASS = { stdoutTail: 'DONE\n' };
const TIMEOUT = { timedOut: true, exitCode: null, signal: 'SIGKILL', limit: 'wall_time' as const };

/**
 * A fake executor: the program's code names its script. Records, for every execution, how
 * many others were running at the time.
 */
function scriptedExecutor(scripts: Readonly<Record<string, Script>>) {
  const attempts = new Map<string, number>();
  const log: { code: string; concurrent: number }[] = [];
  let running = 0;
  const executor: Executor = {
    id: 'fake',
    sandbox: 'none',
    concurrency: 4,
    async execute(job): Promise<ExecutionResult> {
      const code = job.files[0]?.contents ?? '';
      const attempt = attempts.get(code) ?? 0;
      attempts.set(code, attempt + 1);
      running++;
      log.push({ code, concurrent: running });
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      const script = scripts[code] ?? [PASS];
      return { steps: [step(script[Math.min(attempt, script.length - 1)] ?? PASS)] };
    },
    async close() {},
  };
  return { executor, attempts, log };
}

/**
 * A language judged like a script with a completion sentinel: exit 0 and `DONE` printed is a
 * pass; exit 0 without it is a `runtime_error` that the reference rule (exit code) passes.
 */
const language: Language = fake.language((_program, result) => {
  const run = result.steps.at(-1);
  if (run?.timedOut) return { status: 'timeout', passed: false, detail: 'Timeout' };
  if (run?.exitCode !== 0) return { status: 'failed', passed: false, detail: 'Exception' };
  if (run.stdoutTail.includes('DONE')) return { status: 'passed', passed: true, detail: 'OK' };
  return {
    status: 'runtime_error',
    passed: false,
    detail: 'exited before the tests completed',
    reference: { status: 'passed', passed: true, detail: 'OK' },
  };
});

const problems: Problem[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
  ...fake.problem(id),
  datasetId: 'fake',
}));

const dataset: Dataset = {
  id: 'fake',
  version: '1',
  description: 'fake',
  languages: ['fake'],
  files: [],
  load: async () => ({ problems, contentHash: 'x' }),
  buildProgram: fake.program,
};

/** Answers problem `a` with code `a`, etc. */
const provider: Provider = {
  id: 'fake',
  model: 'fake',
  cacheable: false,
  generate: async (request) => ({
    text: request.problem.id,
    completion: request.problem.id,
    finishReason: 'stop',
    latencyMs: 0,
  }),
};

async function run(
  scripts: Readonly<Record<string, Script>>,
  options: { verdicts?: VerdictRule; rerunTimeouts?: boolean } = {},
) {
  const directory = mkdtempSync(join(root, 'run-'));
  const manifest: RunManifest = testManifest({
    task_ids: problems.map((problem) => problem.id),
    executor: { id: 'fake', sandbox: 'none', concurrency: 4 },
    ...(options.verdicts ? { verdicts: options.verdicts } : {}),
  });
  const store = await openRunStore(directory, manifest);
  const fake = scriptedExecutor(scripts);
  try {
    await runEval({
      dataset,
      problems,
      provider,
      language: () => language,
      toolchains: new Map([['fake', { available: true, path: '/fake', version: '1' }]]),
      executor: fake.executor,
      store,
      n: 1,
      sampling: {},
      engineRevision: 'test',
      ...options,
    });
    const summary = summarizeRun({
      dataset: 'fake',
      model: 'fake',
      problems,
      n: 1,
      k: [1],
      results: store.results,
      samples: store.samples,
      confidence: { resamples: 100, level: 0.95, seed: 0 },
      ...(options.verdicts ? { verdicts: options.verdicts } : {}),
    });
    const results = new Map([...store.results.values()].map((record) => [record.task_id, record]));
    return { results, summary, ...fake };
  } finally {
    store.close();
  }
}

describe('runEval', () => {
  it('re-runs a timed-out sample alone before its verdict is final, and counts changed verdicts', async () => {
    const { results, summary, attempts, log } = await run({
      a: [TIMEOUT, PASS],
      b: [TIMEOUT, TIMEOUT],
    });
    expect(results.get('a')).toMatchObject({
      status: 'passed',
      rerun: { first_status: 'timeout', first_detail: 'Timeout' },
    });
    expect(results.get('b')).toMatchObject({
      status: 'timeout',
      rerun: { first_status: 'timeout' },
    });
    expect(results.get('c')?.rerun).toBeUndefined();
    expect([attempts.get('a'), attempts.get('b'), attempts.get('c')]).toEqual([2, 2, 1]);
    // The second attempts ran last, one at a time, with nothing else executing.
    const reruns = log.slice(-2);
    expect(reruns.map((entry) => entry.code).sort()).toEqual(['a', 'b']);
    expect(reruns.map((entry) => entry.concurrent)).toEqual([1, 1]);
    expect(log.slice(0, -2).some((entry) => entry.concurrent > 1)).toBe(true);
    expect(summary.timeout_reruns).toEqual({ rerun: 2, changed: 1, cpu_bound: 0 });
    expect(summary.statuses.timeout).toBe(1);
  });

  it('keeps a CPU-bound timeout without re-running it and re-runs one that mostly waited', async () => {
    const busy = { ...TIMEOUT, durationMs: 3000, cpuMs: 2950 };
    const waiting = { ...TIMEOUT, durationMs: 3000, cpuMs: 40 };
    // RLIMIT_CPU ended it: its whole limit was CPU time.
    const cpuLimit = { exitCode: null, signal: 'SIGXCPU', limit: 'cpu_time' as const };
    const { results, summary, attempts } = await run({
      a: [busy, PASS],
      b: [waiting, PASS],
      c: [cpuLimit, PASS],
    });
    expect(results.get('a')).toMatchObject({ status: 'timeout', cpu_bound: true });
    expect(results.get('a')?.rerun).toBeUndefined();
    expect(results.get('c')).toMatchObject({ status: 'timeout', cpu_bound: true });
    expect(results.get('c')?.rerun).toBeUndefined();
    expect(results.get('b')).toMatchObject({
      status: 'passed',
      cpu_bound: false,
      rerun: { first_status: 'timeout' },
    });
    expect([attempts.get('a'), attempts.get('b'), attempts.get('c')]).toEqual([1, 2, 1]);
    expect(summary.timeout_reruns).toEqual({ rerun: 1, changed: 1, cpu_bound: 2 });
  });

  it('keeps the first timeout when re-runs are off', async () => {
    const { results, summary, attempts } = await run(
      { a: [TIMEOUT, PASS] },
      { rerunTimeouts: false },
    );
    expect(results.get('a')).toMatchObject({ status: 'timeout' });
    expect(results.get('a')?.rerun).toBeUndefined();
    expect(attempts.get('a')).toBe(1);
    expect(summary.timeout_reruns).toEqual({ rerun: 0, changed: 0, cpu_bound: 0 });
  });

  it('retries infrastructure faults, records them as infra_error and lists them apart', async () => {
    const fault = { exitCode: null, infraError: 'the sandbox could not start the command' };
    const { results, summary, attempts } = await run({ a: [fault], b: [fault, PASS] });
    expect(attempts.get('a')).toBe(3);
    expect(results.get('a')).toMatchObject({
      status: 'infra_error',
      passed: false,
      detail: 'the sandbox could not start the command',
    });
    expect(results.get('b')).toMatchObject({ status: 'passed' });
    expect(summary.infrastructure_failures).toBe(1);
    expect(summary.infrastructure_faults).toEqual([
      {
        task_id: 'a',
        sample_index: 0,
        status: 'infra_error',
        detail: 'the sandbox could not start the command',
      },
    ]);
    // Scored over the four problems with a model verdict, all of which passed.
    expect(summary.samples_per_problem.min).toBe(0);
    expect(summary.statuses.passed).toBe(4);
  });

  it('scores the strict verdict and records the reference judgement where it differs, or the reverse', async () => {
    const early = { a: [{ stdoutTail: '' }] };
    const strict = await run(early);
    expect(strict.results.get('a')).toMatchObject({
      status: 'runtime_error',
      passed: false,
      reference: { status: 'passed', passed: true, detail: 'OK' },
    });
    expect(strict.results.get('b')?.reference).toBeUndefined();
    expect(strict.summary.verdict_rule).toEqual({ scored: 'strict', differing: 1 });
    expect(strict.summary.pass_at_k['1']?.estimate).toBeCloseTo(0.8, 12);

    const reference = await run(early, { verdicts: 'reference' });
    expect(reference.results.get('a')).toMatchObject({
      status: 'passed',
      passed: true,
      strict: { status: 'runtime_error', passed: false },
    });
    expect(reference.summary.verdict_rule).toEqual({ scored: 'reference', differing: 1 });
    expect(reference.summary.pass_at_k['1']?.estimate).toBe(1);
  });
});

describe('judgeExecution', () => {
  const program = dataset.buildProgram(problems[0] as Problem, { code: 'a', kind: 'completion' });
  const judge = (fields: Partial<StepResult>) =>
    judgeExecution(language, program, { steps: [step(fields)] });

  it('gives a failure the status of the limit it exceeded, and leaves a pass alone', () => {
    expect(judge({ exitCode: 1, limit: 'disk' })).toMatchObject({
      status: 'output_limit',
      detail: 'Exception (work area full)',
    });
    expect(judge({ exitCode: 1, limit: 'file_size' }).status).toBe('output_limit');
    expect(judge({ exitCode: null, signal: 'SIGXCPU', limit: 'cpu_time' }).status).toBe('timeout');
    expect(judge({ exitCode: 1, limit: 'memory' }).status).toBe('memory_limit');
    expect(judge({ ...PASS, limit: 'file_size' }).status).toBe('passed');
  });

  it('makes a step that met an infrastructure fault infra_error, whatever the language says', () => {
    expect(judge({ ...PASS, infraError: 'the machine ran out of memory' })).toEqual({
      status: 'infra_error',
      passed: false,
      detail: 'the machine ran out of memory',
    });
  });
});
