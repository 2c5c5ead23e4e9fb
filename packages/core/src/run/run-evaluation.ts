import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir } from '../data/default-data-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { pythonProgramForms } from '../report/python-program-forms.ts';
import { summarizeRun } from '../report/summarize-run.ts';
import type { Executor } from '../spec/executor.ts';
import type { ProviderFailure } from '../spec/provider.ts';
import type { RunManifest, RunSummary } from '../spec/run.ts';
import type { VerdictStatus } from '../spec/verdict.ts';
import { createExecutionCache } from '../store/execution-cache.ts';
import { createGenerationCache } from '../store/generation-cache.ts';
import { readRunSamples } from '../store/read-run-samples.ts';
import { RUN_FILES } from '../store/run-files.ts';
import { openRunStore, readManifest } from '../store/run-store.ts';
import { createCostBudget } from './cost-budget.ts';
import { createRunExecutor } from './create-run-executor.ts';
import type { RunEvent, RunStopReason } from './events.ts';
import { planGeneration } from './plan-generation.ts';
import { prepareRun } from './prepare-run.ts';
import { DEFAULT_RETRY_POLICY } from './retry-delay.ts';
import { SILENT_LOGGER } from './run-environment.ts';
import { runEval } from './run-eval.ts';
import type { RunEvaluationOptions } from './run-evaluation-options.ts';
import { createRunHandle, type RunHandle } from './run-handle.ts';

/** How a run ended. */
export interface RunOutcome {
  /** The statistics: what `summary.json` holds (written only when `completed`). */
  readonly summary: RunSummary;
  /** Absolute path of the run directory. */
  readonly directory: string;
  readonly manifest: RunManifest;
  /** True when every sample was generated and executed. */
  readonly completed: boolean;
  /** Why an incomplete run stopped; calling again with the same options resumes it. */
  readonly stopReason?: RunStopReason;
  /** The provider failure that stopped the run (`credentials-rejected`). */
  readonly failure?: ProviderFailure;
  /** Results recorded in the run directory. */
  readonly results: number;
}

/**
 * Runs an evaluation from start to end: prepares the provider (once) and loads the dataset,
 * selects problems (`scope`), detects toolchains, derives the run identity and directory
 * (`runIdFor`), checks the cost plan (`maxCostUsd`: refuses with `UsageError` when the worst
 * case could pass it), creates the executor (unless one is given), opens or resumes the run
 * store (`openRunStore`: a directory with another identity is a `RunStoreError`), generates,
 * executes and judges every sample not already recorded (`runEval`: caches, retries, timeout
 * re-runs), and writes `summary.json` when the run completed.
 *
 * Returns at once a handle: events, `abort()`, and the promise of the {@link RunOutcome}. An
 * aborted, cost-limited or credential-rejected run resolves (not rejects) with `completed:
 * false` and its `stopReason`; it rejects for bad options, bad data or a broken executor.
 */
export function runEvaluation(options: RunEvaluationOptions): RunHandle<RunOutcome> {
  const handle = createRunHandle<RunOutcome>(
    (signal, emit) => evaluate(options, signal, emit),
    options.signal,
  );
  if (options.onEvent) handle.on('*', options.onEvent);
  return handle;
}

async function evaluate(
  options: RunEvaluationOptions,
  signal: AbortSignal,
  emitEvent: (event: RunEvent) => void,
): Promise<RunOutcome> {
  const logger = options.logger ?? SILENT_LOGGER;
  const prepared = await prepareRun(options);
  const { directory, problems } = prepared;
  const sampling = options.sampling ?? {};
  if (options.maxCostUsd !== undefined) {
    const plan = planGeneration({
      problems,
      samplesFor: prepared.samplesFor,
      provider: options.provider,
      ...(options.promptFormat ? { format: options.promptFormat } : {}),
      sampling,
      existing: await readRunSamples(directory),
    });
    const worstCase = plan.worstCaseUsd ?? 0;
    const limit = options.maxCostUsd;
    logger.info(
      `cost: ${plan.toGenerate} samples to generate, worst case $${worstCase.toFixed(4)}${plan.spentUsd > 0 ? ` + $${plan.spentUsd.toFixed(4)} already spent` : ''}; limit $${limit}`,
    );
    if (plan.spentUsd + worstCase > limit + 1e-12) {
      throw new UsageError({
        message: `the projected worst-case cost $${(plan.spentUsd + worstCase).toFixed(4)} (${plan.toGenerate} samples × up to ${sampling.maxTokens} output tokens${plan.spentUsd > 0 ? `, $${plan.spentUsd.toFixed(4)} already spent` : ''}) is above --max-cost $${limit}; lower -n, --limit or --max-tokens, or raise --max-cost (--dry-run shows the plan)`,
      });
    }
  }
  const ownExecutor = options.executor === undefined;
  const executor: Executor =
    options.executor ??
    options.createExecutor?.({
      runId: await previousRunId(directory, prepared.manifest.run_id),
      sandbox: options.sandbox ?? 'bwrap',
      logger,
    }) ??
    createRunExecutor({
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
      ...(options.env === undefined ? {} : { env: options.env }),
      logger,
    });
  const manifest: RunManifest = {
    ...prepared.manifest,
    executor: {
      id: executor.id,
      sandbox: executor.sandbox,
      concurrency: executor.concurrency,
      ...(executor.isolation ? { isolation: executor.isolation } : {}),
    },
  };
  let store: Awaited<ReturnType<typeof openRunStore>>;
  try {
    store = await openRunStore(directory, manifest);
  } catch (error) {
    if (ownExecutor) await executor.close();
    throw error;
  }
  let workersRecorded = false;
  const recordWorkers = async () => {
    if (workersRecorded || !executor.workers) return;
    workersRecorded = true;
    await store.recordWorkers(executor.workers());
  };
  try {
    const spentBefore = [...store.samples.values()].reduce(
      (total, sample) => total + (sample.error ? 0 : (sample.cost_usd ?? 0)),
      0,
    );
    const cacheDir = defaultCacheDir(options.env ?? {});
    logger.info(
      `passk ${manifest.mode}: ${options.dataset.id} · ${options.provider.id} · ${problems.length} problems × ${new Set(problems.map(prepared.samplesFor)).size > 1 ? `≤${prepared.maxN}` : prepared.maxN} samples → ${directory}`,
    );
    const outcome = await runEval({
      dataset: options.dataset,
      problems,
      provider: options.provider,
      language: options.language,
      toolchains: prepared.toolchains,
      executor,
      store,
      n: prepared.maxN,
      samplesFor: prepared.samplesFor,
      sampling,
      ...(options.promptFormat ? { promptFormat: options.promptFormat } : {}),
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: options.requestTimeoutMs }),
      ...(options.retries === undefined
        ? {}
        : { retry: { ...DEFAULT_RETRY_POLICY, maxRetries: options.retries } }),
      ...(options.maxCostUsd === undefined
        ? {}
        : { costBudget: createCostBudget(options.maxCostUsd, spentBefore) }),
      timeoutFactor: manifest.timeout_factor,
      generationConcurrency: options.generationConcurrency ?? 8,
      ...(options.cache === false
        ? {}
        : {
            generationCache: createGenerationCache(join(cacheDir, 'generations')),
            executionCache: createExecutionCache(join(cacheDir, 'executions')),
          }),
      engineRevision: `passk@${options.passkVersion}`,
      verdicts: manifest.verdicts ?? 'strict',
      onEvent: trackProgress(store.results, emitEvent),
      signal,
    });
    // A distributed executor runs only the run's own programs: the job that parses Python
    // samples for the diversity figures runs in a local sandbox here.
    const formsExecutor =
      options.executor === undefined && options.createExecutor !== undefined
        ? createRunExecutor({
            workers: 1,
            ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
            ...(options.env === undefined ? {} : { env: options.env }),
            logger,
          })
        : executor;
    const { forms, normalization } = signal.aborted
      ? { forms: new Map<string, string>(), normalization: undefined }
      : await pythonProgramForms({
          problems,
          n: prepared.maxN,
          samples: store.samples,
          executor: formsExecutor,
          toolchain: prepared.toolchains.get('python'),
          signal,
        }).finally(() => (formsExecutor === executor ? undefined : formsExecutor.close()));
    const summary = summarizeRun({
      dataset: options.dataset.id,
      model: options.provider.model,
      problems,
      n: prepared.maxN,
      k: prepared.ks,
      results: store.results,
      samples: store.samples,
      confidence: { resamples: options.resamples ?? 2000, level: 0.95, seed: manifest.seed },
      verdicts: manifest.verdicts ?? 'strict',
      programForms: forms,
      ...(normalization ? { normalization } : {}),
    });
    await recordWorkers();
    if (outcome.completed) await store.writeSummary(summary);
    const failure =
      outcome.stopReason === 'credentials-rejected'
        ? [...store.samples.values()].find((sample) => sample.error?.class === 'authentication')
            ?.error
        : undefined;
    return {
      summary,
      directory,
      manifest: store.manifest,
      completed: outcome.completed,
      ...(outcome.stopReason ? { stopReason: outcome.stopReason } : {}),
      ...(failure ? { failure } : {}),
      results: store.results.size,
    };
  } catch (error) {
    // A broken executor (a queue that went away) stops the run: keep who executed what.
    await recordWorkers().catch(() => {});
    throw error;
  } finally {
    store.close();
    if (ownExecutor) await executor.close();
  }
}

/** The run id of the run already in `directory` (it keeps its first id), else `runId`. */
async function previousRunId(directory: string, runId: string): Promise<string> {
  const path = join(directory, RUN_FILES.manifest);
  if (!existsSync(path)) return runId;
  try {
    return (await readManifest(path)).run_id;
  } catch {
    return runId; // openRunStore reports the unreadable manifest
  }
}

/** Adds a `progress` event after every `execution-end`, counting from the results on disk. */
function trackProgress(
  existing: ReadonlyMap<string, { readonly status: VerdictStatus }>,
  emit: (event: RunEvent) => void,
): (event: RunEvent) => void {
  let total = 0;
  let done = 0;
  let passed = 0;
  const failures: Partial<Record<VerdictStatus, number>> = {};
  return (event) => {
    emit(event);
    if (event.type === 'run-start') {
      total = event.total;
      done = event.done;
      for (const result of existing.values()) {
        if (result.status === 'passed') passed++;
      }
    } else if (event.type === 'execution-end') {
      done++;
      if (event.status === 'passed') passed++;
      else failures[event.status] = (failures[event.status] ?? 0) + 1;
      emit({ type: 'progress', done, total, passed, failures: { ...failures } });
    }
  };
}
