import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createCostBudget,
  createExecutionCache,
  createGenerationCache,
  createLocalExecutor,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_PROCESSES,
  DEFAULT_RETRY_POLICY,
  defaultCacheDir,
  defaultDataContext,
  type ExecutionLimits,
  hashJson,
  openRunStore,
  type Problem,
  type PromptFormat,
  type Provider,
  planGeneration,
  type Registry,
  RUN_FORMAT_VERSION,
  type RunManifest,
  type RunSummary,
  readRunSamples,
  renderSummary,
  runEval,
  type SamplingParameters,
  type SandboxMode,
  summarizeRun,
  type ToolchainInfo,
  UsageError,
  type VerdictRule,
} from '@passk/core';
import { type CommandIo, log } from '../io.ts';
import { createProgressReporter } from '../progress/progress-reporter.ts';
import { PASSK_VERSION } from '../version.ts';
import { printPlan } from './print-plan.ts';

/** Settings shared by `passk run` and `passk evaluate`. */
export interface PipelineSettings {
  readonly mode: 'run' | 'evaluate';
  readonly datasetId: string;
  readonly provider: Provider;
  /** Chooses the problems to run among the dataset's (already filtered by the caller's rules). */
  readonly selectProblems: (problems: readonly Problem[]) => readonly Problem[];
  readonly n: number;
  readonly samplesFor?: (problem: Problem) => number;
  /** Requested k list; `undefined` means 1,10,100 up to n. */
  readonly ks?: readonly number[];
  readonly sampling: SamplingParameters;
  readonly seed: number;
  readonly resamples: number;
  readonly timeoutFactor: number;
  readonly out?: string;
  readonly generationConcurrency: number;
  readonly workers?: number;
  readonly cache: boolean;
  readonly json: boolean;
  /** How model code is isolated (`--sandbox`). */
  readonly sandbox: SandboxMode;
  /** Which judgement is scored (`--verdicts`). */
  readonly verdicts: VerdictRule;
  readonly input?: RunManifest['input'];
  /** Extra identity for the default run directory name. */
  readonly runName: string;
  /** Prompt format of a model provider. */
  readonly promptFormat?: PromptFormat;
  /** `--max-cost` in US dollars. */
  readonly maxCostUsd?: number;
  /** Per-request time limit of generations. */
  readonly requestTimeoutMs?: number;
  /** Retries of failed generations. */
  readonly retries?: number;
  /** Print the plan and its projected cost; generate nothing, write nothing. */
  readonly dryRun?: boolean;
}

/**
 * Loads the dataset, opens (or resumes) the run directory, generates and executes, writes
 * `summary.json` and prints it. Returns the exit code: 0 done, 1 interrupted or failed.
 */
export async function executeRun(
  registry: Registry,
  settings: PipelineSettings,
  io: CommandIo,
): Promise<number> {
  const dataset = registry.dataset(settings.datasetId);
  await settings.provider.prepare?.();
  const loaded = await dataset.load(defaultDataContext(io.env));
  const problems = settings.selectProblems(loaded.problems);
  if (problems.length === 0)
    throw new UsageError({ message: 'no problems selected (check --tasks, --limit, --languages)' });
  const maxN = Math.max(...problems.map((problem) => settings.samplesFor?.(problem) ?? settings.n));
  const ks = settings.ks ?? [1, 10, 100].filter((k) => k <= maxN);
  const tooLarge = ks.filter((k) => k > maxN);
  if (tooLarge.length > 0) {
    throw new UsageError({
      message: `-k ${tooLarge.join(',')} is larger than the number of samples per problem (n = ${maxN}); pass@k needs n >= k`,
    });
  }

  const toolchains = new Map<string, ToolchainInfo>();
  for (const languageId of new Set(problems.map((problem) => problem.language))) {
    toolchains.set(languageId, await registry.language(languageId).detect());
  }
  const executor = createLocalExecutor({
    concurrency: settings.workers ?? availableParallelism(),
    logger: { warn: (message) => log(io, `warning: ${message}`) },
    sandbox: settings.sandbox,
    ...(io.env.PASSK_BWRAP ? { bwrapPath: io.env.PASSK_BWRAP } : {}),
    ...(io.env.PASSK_SCRATCH_DIR ? { scratchDir: io.env.PASSK_SCRATCH_DIR } : {}),
    ...(sandboxUidBase(io.env) === undefined ? {} : { sandboxUidBase: sandboxUidBase(io.env) }),
  });
  if (settings.sandbox === 'none') {
    log(
      io,
      'warning: --sandbox none: model-written code runs WITHOUT a sandbox, as your user, with access to your files, network and processes (only time, memory, file-size and output limits apply)',
    );
  }
  const identity = {
    dataset: dataset.id,
    hash: loaded.contentHash,
    provider: settings.provider.id,
    endpoint: settings.provider.endpoint,
    prompt: settings.promptFormat?.hash,
    sampling: settings.sampling,
    seed: settings.seed,
    timeoutFactor: settings.timeoutFactor,
    input: settings.input?.sha256,
  };
  const runId = `${settings.runName}-${hashJson(identity).slice(0, 8)}`;
  const directory = resolve(io.cwd, settings.out ?? join('runs', runId));
  const manifest: RunManifest = {
    format_version: RUN_FORMAT_VERSION,
    run_id: runId,
    created_at: new Date().toISOString(),
    passk_version: PASSK_VERSION,
    mode: settings.mode,
    dataset: { id: dataset.id, version: dataset.version, content_hash: loaded.contentHash },
    provider: {
      id: settings.provider.id,
      model: settings.provider.model,
      ...(settings.provider.endpoint ? { endpoint: settings.provider.endpoint } : {}),
    },
    sampling: settings.sampling,
    ...(settings.promptFormat
      ? {
          prompt: {
            mode: settings.promptFormat.mode,
            format: settings.promptFormat.id,
            hash: settings.promptFormat.hash,
          },
        }
      : {}),
    n: maxN,
    k: ks,
    task_ids: problems.map((problem) => problem.id),
    executor: {
      id: executor.id,
      sandbox: executor.sandbox,
      concurrency: executor.concurrency,
      ...(executor.isolation ? { isolation: executor.isolation } : {}),
    },
    timeout_factor: settings.timeoutFactor,
    verdicts: settings.verdicts,
    limits: limitsByLanguage(registry, dataset, problems),
    toolchains: Object.fromEntries(
      [...toolchains].map(([id, info]) => [id, { path: info.path, version: info.version }]),
    ),
    seed: settings.seed,
    ...(settings.input ? { input: settings.input } : {}),
  };
  const samplesFor = (problem: Problem) => settings.samplesFor?.(problem) ?? settings.n;
  if (settings.dryRun || settings.maxCostUsd !== undefined) {
    const plan = planGeneration({
      problems,
      samplesFor,
      provider: settings.provider,
      ...(settings.promptFormat ? { format: settings.promptFormat } : {}),
      sampling: settings.sampling,
      existing: await readRunSamples(directory),
    });
    if (settings.dryRun) {
      await executor.close();
      return printPlan(plan, { settings, directory, problems: problems.length, maxN }, io);
    }
    const projected = plan.spentUsd + (plan.worstCaseUsd ?? 0);
    const limit = settings.maxCostUsd as number;
    log(
      io,
      `cost: ${plan.toGenerate} samples to generate, worst case $${(plan.worstCaseUsd ?? 0).toFixed(4)}${plan.spentUsd > 0 ? ` + $${plan.spentUsd.toFixed(4)} already spent` : ''}; limit $${limit}`,
    );
    if (projected > limit + 1e-12) {
      await executor.close();
      throw new UsageError({
        message: `the projected worst-case cost $${projected.toFixed(4)} (${plan.toGenerate} samples × up to ${settings.sampling.maxTokens} output tokens${plan.spentUsd > 0 ? `, $${plan.spentUsd.toFixed(4)} already spent` : ''}) is above --max-cost $${limit}; lower -n, --limit or --max-tokens, or raise --max-cost (--dry-run shows the plan)`,
      });
    }
  }
  const store = await openRunStore(directory, manifest);
  const spentBefore = [...store.samples.values()].reduce(
    (total, sample) => total + (sample.error ? 0 : (sample.cost_usd ?? 0)),
    0,
  );
  const cacheDir = defaultCacheDir(io.env);
  const progress = createProgressReporter(io);
  log(
    io,
    `passk ${settings.mode}: ${dataset.id} · ${settings.provider.id} · ${problems.length} problems × ${settings.samplesFor ? `≤${maxN}` : maxN} samples → ${directory}`,
  );
  let outcome: Awaited<ReturnType<typeof runEval>>;
  try {
    outcome = await runEval({
      dataset,
      problems,
      provider: settings.provider,
      language: (id) => registry.language(id),
      toolchains,
      executor,
      store,
      n: settings.n,
      ...(settings.samplesFor ? { samplesFor: settings.samplesFor } : {}),
      sampling: settings.sampling,
      ...(settings.promptFormat ? { promptFormat: settings.promptFormat } : {}),
      ...(settings.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: settings.requestTimeoutMs }),
      ...(settings.retries === undefined
        ? {}
        : { retry: { ...DEFAULT_RETRY_POLICY, maxRetries: settings.retries } }),
      ...(settings.maxCostUsd === undefined
        ? {}
        : { costBudget: createCostBudget(settings.maxCostUsd, spentBefore) }),
      timeoutFactor: settings.timeoutFactor,
      generationConcurrency: settings.generationConcurrency,
      ...(settings.cache
        ? {
            generationCache: createGenerationCache(join(cacheDir, 'generations')),
            executionCache: createExecutionCache(join(cacheDir, 'executions')),
          }
        : {}),
      engineRevision: `passk@${PASSK_VERSION}`,
      verdicts: settings.verdicts,
      onEvent: progress.onEvent,
      signal: io.signal,
    });
  } finally {
    progress.stop();
    await executor.close();
  }
  try {
    const summary: RunSummary = summarizeRun({
      dataset: dataset.id,
      model: settings.provider.model,
      problems,
      n: maxN,
      k: ks,
      results: store.results,
      samples: store.samples,
      confidence: { resamples: settings.resamples, level: 0.95, seed: settings.seed },
      verdicts: settings.verdicts,
    });
    if (outcome.stopReason === 'credentials-rejected') {
      const rejected = [...store.samples.values()].find(
        (sample) => sample.error?.class === 'authentication',
      );
      log(
        io,
        `stopped: ${settings.provider.id} rejected the credentials (${rejected?.error?.statusCode ?? 'authentication'}: ${rejected?.error?.message ?? ''}); no further request was sent. Fix the key and run the same command again to resume`,
      );
      return 1;
    }
    if (outcome.stopReason === 'cost-limit') {
      log(
        io,
        `cost limit reached: $${(summary.cost_usd ?? 0).toFixed(4)} spent, and the next request could pass --max-cost $${settings.maxCostUsd}; ${store.results.size} results are saved in ${directory}; raise --max-cost and run the same command again to resume`,
      );
      return 1;
    }
    if (!outcome.completed) {
      log(
        io,
        `interrupted: ${store.results.size} results are saved in ${directory}; run the same command again to resume`,
      );
      return 1;
    }
    await store.writeSummary(summary);
    return printSummary(summary, directory, settings.json, io);
  } finally {
    store.close();
  }
}

function printSummary(
  summary: RunSummary,
  directory: string,
  json: boolean,
  io: CommandIo,
): number {
  if (json) {
    io.stdout.write(renderSummary(summary, 'json'));
  } else {
    io.stdout.write(`\n${renderSummary(summary, 'table')}`);
    io.stdout.write(`run directory: ${directory}\n`);
  }
  return 0;
}

/**
 * The resource limits each language applies, as recorded in the manifest (defaults filled in;
 * taken from the first problem of each language).
 */
function limitsByLanguage(
  registry: Registry,
  dataset: ReturnType<Registry['dataset']>,
  problems: readonly Problem[],
): Record<string, ExecutionLimits> {
  const limits: Record<string, ExecutionLimits> = {};
  for (const problem of problems) {
    if (limits[problem.language] !== undefined) continue;
    const language = registry.language(problem.language);
    const own = language.limits(dataset.buildProgram(problem, { code: '', kind: 'completion' }));
    limits[problem.language] = {
      maxOutputBytes: own.maxOutputBytes,
      maxMemoryBytes: own.maxMemoryBytes,
      maxProcesses: own.maxProcesses ?? DEFAULT_MAX_PROCESSES,
      maxFileBytes: own.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    };
  }
  return limits;
}

/** `PASSK_SANDBOX_UID_BASE`: the first uid of the sandbox slots when passk runs as root. */
function sandboxUidBase(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.PASSK_SANDBOX_UID_BASE;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1000 || Number(value) > 4_000_000_000) {
    throw new UsageError({
      message: `PASSK_SANDBOX_UID_BASE must be an integer from 1000 to 4000000000, got '${value}'`,
    });
  }
  return Number(value);
}
