import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as fake from '../../../../scripts/test-support/fake-language.ts';
import { stepResult } from '../conformance/step-result.ts';
import { PasskError } from '../errors/passk-error.ts';
import { defineDataset } from '../registry/define.ts';
import type { ExecutionResult, Executor } from '../spec/executor.ts';
import type { Language } from '../spec/language.ts';
import type { Provider } from '../spec/provider.ts';
import type { RunEvent } from './events.ts';
import { planEvaluation } from './plan-evaluation.ts';
import { runEvaluation } from './run-evaluation.ts';
import type { RunEvaluationOptions } from './run-evaluation-options.ts';

const root = mkdtempSync(join(tmpdir(), 'passk-run-evaluation-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Passes code `pass`, fails anything else; `early` exits 0 before the tests (reference: pass). */
const language: Language = fake.language((_program, result) => {
  const out = result.steps.at(-1)?.stdoutTail ?? '';
  if (out === 'pass') return { status: 'passed', passed: true, detail: 'OK' };
  if (out === 'early')
    return {
      status: 'runtime_error',
      passed: false,
      detail: 'exited before the tests completed',
      reference: { status: 'passed', passed: true, detail: 'OK' },
    };
  return { status: 'failed', passed: false, detail: 'AssertionError' };
});

function fakeExecutor(delayMs = 1) {
  let executions = 0;
  let closed = false;
  const executor: Executor = {
    id: 'fake',
    sandbox: 'none',
    concurrency: 2,
    async execute(job, signal): Promise<ExecutionResult> {
      executions++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      signal?.throwIfAborted();
      const code = job.files[0]?.contents ?? '';
      return {
        steps: [stepResult({ stdoutTail: code })],
      };
    },
    async close() {
      closed = true;
    },
  };
  return { executor, executions: () => executions, closed: () => closed };
}

const dataset = defineDataset({
  id: 'fake-set',
  problems: ['a', 'b', 'c', 'd'].map(fake.problem),
  buildProgram: fake.program,
});

/** Sample i of every problem: `pass` for even i, `fail` for odd; problem `d` exits early. */
function fakeProvider() {
  let prepared = 0;
  const provider: Provider = {
    id: 'fake-model',
    model: 'fake-model',
    cacheable: false,
    async prepare() {
      prepared++;
    },
    generate: async (request) => {
      const code =
        request.problem.id === 'd' ? 'early' : request.sampleIndex % 2 === 0 ? 'pass' : 'fail';
      return { text: code, completion: code, finishReason: 'stop', latencyMs: 0 };
    },
  };
  return { provider, prepared: () => prepared };
}

function options(cwd: string, extra: Partial<RunEvaluationOptions> = {}): RunEvaluationOptions {
  return {
    dataset,
    provider: fakeProvider().provider,
    language: () => language,
    passkVersion: 'test',
    executor: fakeExecutor().executor,
    cwd,
    n: 2,
    k: [1],
    cache: false,
    resamples: 100,
    ...extra,
  };
}

describe('runEvaluation', () => {
  it('runs everything, writes the run directory, and its summary is summary.json', async () => {
    const cwd = mkdtempSync(join(root, 'full-'));
    const { provider, prepared } = fakeProvider();
    const fake = fakeExecutor();
    const events: RunEvent[] = [];
    const handle = runEvaluation(options(cwd, { provider, executor: fake.executor }));
    handle.on('*', (event) => events.push(event));
    const progress: number[] = [];
    handle.on('progress', (event) => progress.push(event.done));
    const outcome = await handle;
    expect(prepared()).toBe(1);
    expect(fake.closed()).toBe(false);
    expect(outcome.completed).toBe(true);
    expect(outcome.stopReason).toBeUndefined();
    expect(outcome.directory).toBe(join(cwd, 'runs', outcome.manifest.run_id));
    expect(outcome.manifest.run_id).toMatch(/^fake-set-fake-model-[0-9a-f]{8}$/);
    expect(outcome.manifest.passk_version).toBe('test');
    const onDisk = JSON.parse(readFileSync(join(outcome.directory, 'summary.json'), 'utf8'));
    expect(outcome.summary).toEqual(onDisk);
    // a, b, c: sample 0 passes, sample 1 fails; d never passes under strict verdicts.
    expect(outcome.summary.statuses).toMatchObject({ passed: 3, failed: 3, runtime_error: 2 });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)).toEqual({ type: 'run-end', completed: true });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('the same call again resumes: nothing is generated or executed twice', async () => {
    const cwd = mkdtempSync(join(root, 'resume-'));
    const first = await runEvaluation(options(cwd));
    const fake = fakeExecutor();
    const second = await runEvaluation(options(cwd, { executor: fake.executor }));
    expect(second.directory).toBe(first.directory);
    expect(fake.executions()).toBe(0);
    expect(second.summary).toEqual(first.summary);
  });

  it('--verdicts reference resumes in the default directory (one run identity)', async () => {
    const cwd = mkdtempSync(join(root, 'verdicts-'));
    const first = await runEvaluation(options(cwd, { verdicts: 'reference' }));
    expect(first.summary.statuses.passed).toBe(5);
    const fake = fakeExecutor();
    const again = await runEvaluation(
      options(cwd, { verdicts: 'reference', executor: fake.executor }),
    );
    expect(again.directory).toBe(first.directory);
    expect(fake.executions()).toBe(0);
    expect(again.summary).toEqual(first.summary);
    // The other rule is another run: another default directory, not a refused resume.
    const strict = await runEvaluation(options(cwd, { verdicts: 'strict' }));
    expect(strict.directory).not.toBe(first.directory);
    expect(strict.summary.statuses.passed).toBe(3);
  });

  it('abort() stops the run without a summary; the same call then completes it', async () => {
    const cwd = mkdtempSync(join(root, 'abort-'));
    const slow = fakeExecutor(30);
    const handle = runEvaluation(options(cwd, { executor: slow.executor, n: 6 }));
    handle.on('execution-end', () => handle.abort());
    const stopped = await handle;
    expect(stopped).toMatchObject({ completed: false, stopReason: 'aborted' });
    expect(existsSync(join(stopped.directory, 'summary.json'))).toBe(false);
    const done = await runEvaluation(options(cwd, { n: 6 }));
    expect(done.completed).toBe(true);
    expect(done.directory).toBe(stopped.directory);
    expect(done.summary.samples).toBe(24);
  });

  it('events() iterates every event until the run ends', async () => {
    const cwd = mkdtempSync(join(root, 'iterate-'));
    const handle = runEvaluation(options(cwd));
    const types: string[] = [];
    for await (const event of handle.events()) types.push(event.type);
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-end');
    expect(types.filter((type) => type === 'execution-end')).toHaveLength(8);
  });

  it('refuses a k larger than n and an empty selection, writing nothing', async () => {
    const cwd = mkdtempSync(join(root, 'usage-'));
    await expect(runEvaluation(options(cwd, { k: [1, 5] }))).rejects.toThrow(
      /-k 5 is larger than the number of samples per problem \(n = 2\)/,
    );
    await expect(runEvaluation(options(cwd, { scope: () => ({ problems: [] }) }))).rejects.toThrow(
      /no problems selected/,
    );
    expect(existsSync(join(cwd, 'runs'))).toBe(false);
  });

  it('maxCostUsd below the worst case refuses to start; planEvaluation returns the plan', async () => {
    const cwd = mkdtempSync(join(root, 'cost-'));
    const priced: Provider = {
      ...fakeProvider().provider,
      generative: true,
      price: { inputPerMillion: 1, outputPerMillion: 1000 },
    };
    const settings = options(cwd, { provider: priced, sampling: { maxTokens: 100 } });
    const plan = await planEvaluation(settings);
    expect(plan).toMatchObject({ dry_run: true, to_generate: 8, already_generated: 0 });
    expect(plan.worst_case_cost_usd).toBeCloseTo(0.8, 9);
    const refused = await runEvaluation({ ...settings, maxCostUsd: 0.5 }).result.catch(
      (error: unknown) => error,
    );
    expect(PasskError.is(refused) && refused.code).toBe('usage');
    expect(String(refused)).toMatch(/projected worst-case cost \$0\.8000 \(8 samples/);
    expect(existsSync(join(cwd, 'runs'))).toBe(false);
  });
});
