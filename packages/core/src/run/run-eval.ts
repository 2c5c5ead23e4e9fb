import { createLimiter } from '../internal/create-limiter.ts';
import { hashJson } from '../io/hash.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { Executor } from '../spec/executor.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { Generation, Provider, SamplingParameters } from '../spec/provider.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';
import { INFRASTRUCTURE_STATUSES, type Verdict } from '../spec/verdict.ts';
import type { CachedExecution, ExecutionCache } from '../store/execution-cache.ts';
import type { GenerationCache } from '../store/generation-cache.ts';
import { sampleKey } from '../store/run-files.ts';
import type { RunStore } from '../store/run-store.ts';
import type { RunEvent } from './events.ts';
import { truncateAtStop } from './truncate-at-stop.ts';

/** Everything `runEval` needs; plugins are already resolved. */
export interface RunEvalOptions {
  readonly dataset: Dataset;
  /** The problems to run, in order. */
  readonly problems: readonly Problem[];
  readonly provider: Provider;
  /** Resolves a problem's language id to its plugin. */
  readonly language: (id: string) => Language;
  /** Toolchain per language id (from `detect()`); a missing toolchain gives `toolchain_missing`. */
  readonly toolchains: ReadonlyMap<string, ToolchainInfo>;
  readonly executor: Executor;
  readonly store: RunStore;
  /** Samples per problem. */
  readonly n: number;
  /** Samples for one problem when they differ by problem (evaluating a file); default `n`. */
  readonly samplesFor?: (problem: Problem) => number;
  readonly sampling: SamplingParameters;
  /** Multiplier for every time limit (default 1). */
  readonly timeoutFactor?: number;
  /** Generation requests in flight at once (default 8). */
  readonly generationConcurrency?: number;
  readonly generationCache?: GenerationCache;
  readonly executionCache?: ExecutionCache;
  /** Part of every execution cache key: changes when the engine's judging changes. */
  readonly engineRevision: string;
  /** How often an infrastructure fault is retried before it is recorded (default 2). */
  readonly maxInfrastructureRetries?: number;
  readonly onEvent?: (event: RunEvent) => void;
  /** Stops scheduling work and kills running executions; what finished stays recorded. */
  readonly signal?: AbortSignal;
}

/** How a run ended. */
export interface RunEvalOutcome {
  /** False when aborted before every sample was generated and executed. */
  readonly completed: boolean;
}

interface SampleWork {
  readonly problem: Problem;
  readonly sampleIndex: number;
}

/**
 * Generates `n` samples per problem and executes each as soon as it exists, appending to the
 * run store. Work already in the store is skipped (resume): a sample with a generation error
 * is regenerated, a result with an infrastructure status is re-executed. Identical programs
 * execute once per run (and once across runs with an execution cache).
 *
 * Never throws for a failing program or a failed generation (they are records); throws only
 * when the store or the executor is broken.
 */
export async function runEval(options: RunEvalOptions): Promise<RunEvalOutcome> {
  const { store, signal } = options;
  const timeoutFactor = options.timeoutFactor ?? 1;
  const generate = createLimiter(options.generationConcurrency ?? 8);
  const execute = createLimiter(Math.max(1, options.executor.concurrency * 2));
  const inFlight = new Map<string, Promise<CachedExecution>>();
  const emit = options.onEvent ?? (() => {});

  const work: SampleWork[] = [];
  let done = 0;
  let total = 0;
  for (const problem of options.problems) {
    const count = options.samplesFor?.(problem) ?? options.n;
    total += count;
    for (let sampleIndex = 0; sampleIndex < count; sampleIndex++) {
      const result = store.results.get(sampleKey(problem.id, sampleIndex));
      if (result && !INFRASTRUCTURE_STATUSES.has(result.status)) done++;
      else work.push({ problem, sampleIndex });
    }
  }
  emit({ type: 'run-start', total, done });

  const obtainSample = async ({
    problem,
    sampleIndex,
  }: SampleWork): Promise<SampleRecord | undefined> => {
    const existing = store.samples.get(sampleKey(problem.id, sampleIndex));
    if (existing && !existing.error) return existing;
    return generate(async () => {
      if (signal?.aborted) return undefined;
      const prompt = problem.prompt;
      const cacheKey = hashJson({
        provider: options.provider.id,
        model: options.provider.model,
        prompt,
        stop: problem.stopSequences,
        sampling: options.sampling,
        sampleIndex,
      });
      const cached = options.provider.cacheable
        ? options.generationCache?.get(cacheKey)
        : undefined;
      const generation: Generation =
        cached ??
        (await options.provider.generate({
          problem,
          prompt,
          stopSequences: problem.stopSequences,
          sampling: options.sampling,
          sampleIndex,
          signal,
        }));
      if (signal?.aborted) return undefined;
      if (!cached && options.provider.cacheable)
        await options.generationCache?.set(cacheKey, generation);
      const record: SampleRecord = {
        task_id: problem.id,
        sample_index: sampleIndex,
        raw: generation.text,
        completion: generation.completion ?? truncateAtStop(generation.text, problem.stopSequences),
        kind: generation.kind ?? 'completion',
        finish_reason: generation.finishReason,
        ...(generation.usage ? { usage: generation.usage } : {}),
        ...(generation.costUsd === undefined ? {} : { cost_usd: generation.costUsd }),
        latency_ms: generation.latencyMs,
        ...(generation.error ? { error: generation.error } : {}),
      };
      store.appendSample(record);
      emit({
        type: 'generation-end',
        taskId: problem.id,
        sampleIndex,
        failed: record.error !== undefined,
        cached: cached !== undefined,
      });
      return record.error ? undefined : record;
    });
  };

  const judge = async (problem: Problem, sample: SampleRecord): Promise<void> => {
    const language = options.language(problem.language);
    const toolchain = options.toolchains.get(problem.language) ?? {
      available: false,
      problem: 'not detected',
    };
    const program = options.dataset.buildProgram(problem, {
      code: sample.completion,
      kind: sample.kind,
    });
    const steps = language.steps(program, toolchain, { timeoutFactor });
    const limits = language.limits(program);
    const key = hashJson({
      engine: options.engineRevision,
      files: program.files,
      judge: program.judge,
      steps: steps.map(({ name, argv, timeoutMs, reportFile }) => ({
        name,
        argv,
        timeoutMs,
        reportFile,
      })),
      limits,
      toolchain: { path: toolchain.path, version: toolchain.version },
    });
    let cached = true;
    let outcome = inFlight.get(key);
    if (!outcome) {
      const fromCache = options.executionCache?.get(key);
      if (fromCache) outcome = Promise.resolve(fromCache);
      else {
        cached = false;
        outcome = execute(async () => {
          if (!toolchain.available) {
            return verdictToCached(
              {
                status: 'toolchain_missing',
                passed: false,
                detail: toolchain.problem ?? `${problem.language} toolchain not found`,
              },
              0,
              null,
            );
          }
          let verdict: Verdict;
          let result: Awaited<ReturnType<Executor['execute']>>;
          let attempt = 0;
          do {
            result = await options.executor.execute(
              { files: program.files, steps, limits },
              signal,
            );
            verdict = language.classify(program, result);
            attempt++;
          } while (
            INFRASTRUCTURE_STATUSES.has(verdict.status) &&
            attempt <= (options.maxInfrastructureRetries ?? 2) &&
            !signal?.aborted
          );
          const last = result.steps.at(-1);
          const durationMs = result.steps.reduce((total, step) => total + step.durationMs, 0);
          const entry: CachedExecution = {
            ...verdictToCached(verdict, durationMs, last?.exitCode ?? null),
            stdout_tail: tail(verdictTail(result, 'stdout')),
            stderr_tail: tail(verdictTail(result, 'stderr')),
          };
          if (!signal?.aborted) await options.executionCache?.set(key, entry);
          return entry;
        });
        inFlight.set(key, outcome);
      }
    }
    const entry = await outcome;
    if (signal?.aborted) return;
    const record: ResultRecord = {
      task_id: problem.id,
      sample_index: sample.sample_index,
      language: problem.language,
      status: entry.status,
      passed: entry.passed,
      detail: entry.detail,
      duration_ms: entry.duration_ms,
      exit_code: entry.exit_code,
      stdout_tail: entry.stdout_tail,
      stderr_tail: entry.stderr_tail,
      execution_key: key,
      cached,
      ...(entry.subsets ? { subsets: entry.subsets } : {}),
    };
    store.appendResult(record);
    emit({
      type: 'execution-end',
      taskId: problem.id,
      sampleIndex: sample.sample_index,
      status: record.status,
      cached,
    });
  };

  await Promise.all(
    work.map(async (item) => {
      if (signal?.aborted) return;
      try {
        const sample = await obtainSample(item);
        if (!sample || signal?.aborted) return;
        await judge(item.problem, sample);
      } catch (error) {
        // The executor rejects with the signal's reason once aborted: that is a stop, not a fault.
        if (signal?.aborted) return;
        throw error;
      }
    }),
  );
  const completed = !signal?.aborted;
  emit({ type: 'run-end', completed });
  return { completed };
}

function verdictToCached(
  verdict: Verdict,
  durationMs: number,
  exitCode: number | null,
): CachedExecution {
  return {
    status: verdict.status,
    passed: verdict.passed,
    detail: verdict.detail,
    duration_ms: Math.round(durationMs),
    exit_code: exitCode,
    stdout_tail: '',
    stderr_tail: '',
    ...(verdict.subsets ? { subsets: verdict.subsets } : {}),
  };
}

function verdictTail(
  result: Awaited<ReturnType<Executor['execute']>>,
  stream: 'stdout' | 'stderr',
): string {
  const last = result.steps.at(-1);
  if (!last) return '';
  const report = last.report as { stdout_tail?: unknown; stderr_tail?: unknown } | null;
  const fromReport = report?.[`${stream}_tail`];
  const fromProcess = stream === 'stdout' ? last.stdoutTail : last.stderrTail;
  return [typeof fromReport === 'string' ? fromReport : '', fromProcess].filter(Boolean).join('\n');
}

function tail(text: string, maxChars = 2048): string {
  return text.length > maxChars ? text.slice(-maxChars) : text;
}
