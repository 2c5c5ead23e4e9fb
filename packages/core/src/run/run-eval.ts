import { UsageError } from '../errors/usage-error.ts';
import { createLimiter } from '../internal/create-limiter.ts';
import { forEachBounded } from '../internal/for-each-bounded.ts';
import { hashJson } from '../io/hash.ts';
import type { AgentSettings } from '../spec/agent.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { ExecutionResult, Executor } from '../spec/executor.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { Candidate, Program } from '../spec/program.ts';
import type { PromptFormat, Provider, SamplingParameters } from '../spec/provider.ts';
import type { ResultRecord, SampleRecord } from '../spec/run.ts';
import { INFRASTRUCTURE_STATUSES, type Verdict, type VerdictRule } from '../spec/verdict.ts';
import type { CachedExecution, ExecutionCache } from '../store/execution-cache.ts';
import type { GenerationCache } from '../store/generation-cache.ts';
import { sampleKey } from '../store/run-files.ts';
import type { RunStore } from '../store/run-store.ts';
import { createAdaptiveGate } from './adaptive-gate.ts';
import { createAttemptRunner } from './agent/create-attempt-runner.ts';
import { feedbackProgram } from './agent/feedback-program.ts';
import { readCandidate } from './agent/read-candidate.ts';
import type { CostBudget } from './cost-budget.ts';
import type { RunEvent, RunStopReason } from './events.ts';
import { failedGenerationResult } from './failed-generation-result.ts';
import { createSampleGenerator } from './generate-sample.ts';
import { createKnownExecutionKeys } from './internal/known-execution-keys.ts';
import { judgeProgram, type ProgramJob, programJob } from './judge-program.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-delay.ts';
import { scoredJudgement } from './verdict-rule.ts';

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
  /** Builds prompts and extracts code for generative providers; absent: raw prompt cut at stops. */
  readonly promptFormat?: PromptFormat;
  /**
   * Agent runs: each sample is an attempt of a tool loop (`runAgentAttempt`) within these
   * budgets, instead of one answer; `promptFormat` is then unused.
   */
  readonly agent?: AgentSettings;
  /** Retries of failed generations (default `DEFAULT_RETRY_POLICY`). */
  readonly retry?: RetryPolicy;
  /** Time limit of one generation request in milliseconds (default none). */
  readonly requestTimeoutMs?: number;
  /** Spending limit: requests that could take the run's cost past it are not sent. */
  readonly costBudget?: CostBudget;
  /** Multiplier for every time limit (default 1). */
  readonly timeoutFactor?: number;
  /** Generation requests in flight at once (default 8); lowered while the provider rate-limits. */
  readonly generationConcurrency?: number;
  readonly generationCache?: GenerationCache;
  readonly executionCache?: ExecutionCache;
  /** Part of every execution cache key: changes when the engine's judging changes. */
  readonly engineRevision: string;
  /** How often an infrastructure fault is retried before it is recorded (default 2). */
  readonly maxInfrastructureRetries?: number;
  /** Which judgement is scored (default `strict`); the other is recorded when it differs. */
  readonly verdicts?: VerdictRule;
  /**
   * Re-run every sample that timed out once more, alone (after everything else has executed,
   * one at a time), before its timeout becomes final (default true): a timeout under load is
   * not a verdict yet. A CPU-bound timeout (`Verdict.cpuBound`: it used at least 90% of its
   * wall-clock time as CPU, which load cannot explain) is final without a re-run.
   */
  readonly rerunTimeouts?: boolean;
  readonly onEvent?: (event: RunEvent) => void;
  /** Stops scheduling work and kills running executions; what finished stays recorded. */
  readonly signal?: AbortSignal;
}

/** How a run ended. */
export interface RunEvalOutcome {
  /** False when stopped before every sample was generated and executed. */
  readonly completed: boolean;
  /** Why an incomplete run stopped. */
  readonly stopReason?: RunStopReason;
}

interface SampleWork {
  readonly problem: Problem;
  readonly sampleIndex: number;
}

/** A program whose first execution timed out, waiting to be re-run alone. */
interface PendingRerun {
  readonly first: CachedExecution;
  readonly rerun: () => Promise<CachedExecution>;
  readonly samples: {
    readonly problem: Problem;
    readonly sample: SampleRecord;
    readonly firstCode?: ResultRecord['first_code'];
  }[];
}

/**
 * Generates `n` samples per problem and executes each as soon as it exists, appending to the
 * run store. Work already in the store is skipped (resume): a sample with a generation error
 * is regenerated, a result with an infrastructure status is re-executed. Identical programs
 * execute once per run (and once across runs with an execution cache). Verdicts come from
 * `judgeExecution` (infrastructure faults, the language's rule, exceeded limits); the
 * `verdicts` rule picks the scored judgement. Samples that time out without being CPU-bound are
 * re-run alone at the end (`rerunTimeouts`) and recorded with the first attempt's status.
 *
 * Never throws for a failing program or a failed generation (they are records); throws only
 * when the store or the executor is broken.
 */
export async function runEval(options: RunEvalOptions): Promise<RunEvalOutcome> {
  const { store, signal } = options;
  const timeoutFactor = options.timeoutFactor ?? 1;
  const rerunTimeouts = options.rerunTimeouts ?? true;
  const execute = createLimiter(Math.max(1, options.executor.concurrency * 2));
  const inFlight = new Map<string, Promise<CachedExecution>>();
  const knownKeys = createKnownExecutionKeys();
  const pendingReruns = new Map<string, PendingRerun>();
  /** A timeout that is not a verdict yet: not CPU-bound, so it may be the machine's load. */
  const awaitsRerun = (entry: CachedExecution): boolean =>
    rerunTimeouts && entry.status === 'timeout' && entry.cpu_bound !== true;
  const rule = options.verdicts ?? 'strict';
  const emit = options.onEvent ?? (() => {});

  const work: SampleWork[] = [];
  let done = 0;
  let total = 0;
  for (const problem of options.problems) {
    const count = options.samplesFor?.(problem) ?? options.n;
    total += count;
    for (let sampleIndex = 0; sampleIndex < count; sampleIndex++) {
      const result = store.results.get(sampleKey(problem.id, sampleIndex, problem.language));
      if (result && !INFRASTRUCTURE_STATUSES.has(result.status)) done++;
      else work.push({ problem, sampleIndex });
    }
  }
  emit({ type: 'run-start', total, done });

  const generationConcurrency = options.generationConcurrency ?? 8;
  const gate = createAdaptiveGate({ maxConcurrency: generationConcurrency });
  const control = {
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.generationCache ? { cache: options.generationCache } : {}),
    ...(options.costBudget ? { budget: options.costBudget } : {}),
    ...(signal ? { signal } : {}),
    emit,
  };
  if (!options.agent && options.provider.agentCommand !== undefined) {
    throw new UsageError({
      message: `--model ${options.provider.id} is an agent program: it runs with --agent`,
    });
  }
  const generateSample = options.agent
    ? createAttemptRunner({
        ...control,
        gate,
        provider: options.provider,
        settings: options.agent,
        dataset: options.dataset,
        language: options.language,
        toolchains: options.toolchains,
        executor: options.executor,
        sampling: options.sampling,
        timeoutFactor,
        // run_tests programs take the samples' path (identical programs execute once per run),
        // under the language's feedback rule and ahead of scoring jobs.
        judgeVisible: async (visibleProblem, candidate) => {
          const { entry } = await obtainExecution(visibleProblem, candidate, true);
          const { judgement } = scoredJudgement(entry, rule);
          return {
            status: judgement.status,
            passed: judgement.passed,
            detail: judgement.detail,
            durationMs: entry.duration_ms,
            stdoutTail: entry.stdout_tail,
            stderrTail: entry.stderr_tail,
            ...(entry.limit === undefined ? {} : { limit: entry.limit }),
          };
        },
      })
    : createSampleGenerator({
        ...control,
        gate,
        provider: options.provider,
        ...(options.promptFormat ? { format: options.promptFormat } : {}),
        sampling: options.sampling,
      });
  let stoppedBy: RunStopReason | undefined;

  /** The sample to execute, or undefined when generation failed (recorded) or stopped. */
  const obtainSample = async ({
    problem,
    sampleIndex,
  }: SampleWork): Promise<SampleRecord | undefined> => {
    const existing = store.samples.get(sampleKey(problem.id, sampleIndex, problem.language));
    if (existing && !existing.error) return existing;
    const outcome = await generateSample(problem, sampleIndex);
    if ('stopped' in outcome) {
      if (outcome.stopped !== 'aborted') stoppedBy ??= outcome.stopped;
      return undefined;
    }
    const { record, cached } = outcome;
    store.appendSample(record);
    emit({
      type: 'generation-end',
      taskId: problem.id,
      sampleIndex,
      failed: record.error !== undefined,
      cached,
    });
    if (!record.error) return record;
    // A failed generation is an infrastructure fault: recorded, never scored, redone on resume.
    const result = failedGenerationResult(problem, record);
    store.appendResult(result);
    emit({
      type: 'execution-end',
      taskId: problem.id,
      sampleIndex,
      status: result.status,
      cached: false,
    });
    return undefined;
  };

  const executeProgram = async (
    language: Language,
    toolchain: ToolchainInfo,
    job: ProgramJob,
    key: string,
    urgent = false,
  ): Promise<CachedExecution> => {
    const { verdict, result } = await judgeProgram({
      language,
      toolchain,
      executor: options.executor,
      program: job.program,
      job,
      key,
      urgent,
      ...(options.maxInfrastructureRetries === undefined
        ? {}
        : { maxInfrastructureRetries: options.maxInfrastructureRetries }),
      ...(signal ? { signal } : {}),
    });
    const steps = result?.steps ?? [];
    const last = steps.at(-1);
    const durationMs = steps.reduce((total, step) => total + step.durationMs, 0);
    return {
      ...verdictToCached(verdict, durationMs, last?.exitCode ?? null),
      stdout_tail: tail(verdict.output?.stdout ?? verdictTail(result, 'stdout')),
      stderr_tail: tail(verdict.output?.stderr ?? verdictTail(result, 'stderr')),
      ...(last?.limit === undefined ? {} : { limit: last.limit }),
      ...(verdict.status === 'timeout' && verdict.cpuBound !== undefined
        ? { cpu_bound: verdict.cpuBound }
        : {}),
    };
  };

  const record = (
    problem: Problem,
    sample: SampleRecord,
    entry: CachedExecution,
    key: string,
    cached: boolean,
    first?: CachedExecution,
    firstCode?: ResultRecord['first_code'],
  ): void => {
    const scored = scoredJudgement(entry, rule);
    const result: ResultRecord = {
      task_id: problem.id,
      sample_index: sample.sample_index,
      language: problem.language,
      status: scored.judgement.status,
      passed: scored.judgement.passed,
      detail: scored.judgement.detail,
      duration_ms: entry.duration_ms,
      exit_code: entry.exit_code,
      stdout_tail: entry.stdout_tail,
      stderr_tail: entry.stderr_tail,
      execution_key: key,
      cached,
      ...(entry.limit === undefined ? {} : { limit: entry.limit }),
      ...(entry.subsets ? { subsets: entry.subsets } : {}),
      ...(scored.other === undefined
        ? {}
        : { [rule === 'strict' ? 'reference' : 'strict']: scored.other }),
      ...(first === undefined
        ? {}
        : { rerun: { first_status: first.status, first_detail: first.detail } }),
      ...((first ?? entry).status === 'timeout' && (first ?? entry).cpu_bound !== undefined
        ? { cpu_bound: (first ?? entry).cpu_bound }
        : {}),
      ...(firstCode === undefined ? {} : { first_code: firstCode }),
    };
    store.appendResult(result);
    emit({
      type: 'execution-end',
      taskId: problem.id,
      sampleIndex: sample.sample_index,
      status: result.status,
      cached,
    });
  };

  /**
   * The execution of `candidate` for `problem`: from this run, the execution cache, or new. A
   * `feedback` execution (an agent's `run_tests`) is judged by the language's feedback rule
   * (`feedbackProgram`) and queued ahead of scoring ones.
   */
  const obtainExecution = async (problem: Problem, candidate: Candidate, feedback = false) => {
    const language = options.language(problem.language);
    const toolchain = options.toolchains.get(problem.language) ?? {
      available: false,
      problem: 'not detected',
    };
    let prepared: { program: Program; job: ProgramJob } | undefined;
    const prepare = () => {
      if (prepared === undefined) {
        const built = options.dataset.buildProgram(problem, candidate);
        const program = feedback ? feedbackProgram(language, built) : built;
        prepared = { program, job: programJob(language, program, toolchain, timeoutFactor) };
      }
      return prepared;
    };
    const key = knownKeys.obtain(problem, candidate, feedback, () => {
      const { program, job } = prepare();
      return hashJson({
        engine: options.engineRevision,
        files: program.files,
        judge: program.judge,
        steps: job.steps.map(
          ({ name, argv, timeoutMs, reportFile, mounts, env, freshFiles, keepFiles }) => ({
            name,
            argv,
            timeoutMs,
            reportFile,
            mounts,
            env,
            freshFiles,
            keepFiles,
          }),
        ),
        limits: job.limits,
        toolchain: { path: toolchain.path, version: toolchain.version },
      });
    });
    let cached = true;
    let outcome = inFlight.get(key);
    if (!outcome) {
      const fromCache = options.executionCache?.get(key);
      if (fromCache) outcome = Promise.resolve(fromCache);
      else {
        cached = false;
        outcome = execute(async () => {
          const entry = await executeProgram(language, toolchain, prepare().job, key, feedback);
          if (!signal?.aborted && !awaitsRerun(entry)) {
            await options.executionCache?.set(key, entry);
          }
          return entry;
        }, feedback);
        inFlight.set(key, outcome);
      }
    }
    const entry = await outcome;
    return {
      entry,
      key,
      cached,
      rerun: () => executeProgram(language, toolchain, prepare().job, `${key}.rerun`),
    };
  };

  /** The candidate of a sample (or of an agent's other `code`, read as its submission was). */
  const candidateOf = (
    problem: Problem,
    sample: SampleRecord,
    code = sample.completion,
  ): Candidate => ({
    code,
    kind: code === sample.completion ? sample.kind : readCandidate(problem, code, 'auto').kind,
    ...((options.agent || options.promptFormat?.mode === 'chat') && sample.extraction
      ? { source: 'answer' as const }
      : {}),
  });

  const judge = async (problem: Problem, sample: SampleRecord): Promise<void> => {
    const firstCode = sample.agent?.first_code;
    const [{ entry, key, cached, rerun }, first] = await Promise.all([
      obtainExecution(problem, candidateOf(problem, sample)),
      // An agent's first code, when repair changed it: judged by the hidden tests too.
      firstCode !== undefined && firstCode !== sample.raw
        ? obtainExecution(problem, candidateOf(problem, sample, firstCode))
        : undefined,
    ]);
    if (signal?.aborted) return;
    const firstJudgement = first
      ? { status: first.entry.status, passed: first.entry.passed }
      : sample.agent?.first_code === undefined
        ? undefined
        : { status: entry.status, passed: entry.passed };
    if (awaitsRerun(entry)) {
      // Not a verdict yet: re-run alone once everything else has executed.
      const pending = pendingReruns.get(key) ?? { first: entry, rerun, samples: [] };
      pending.samples.push({
        problem,
        sample,
        ...(firstJudgement ? { firstCode: firstJudgement } : {}),
      });
      pendingReruns.set(key, pending);
      return;
    }
    record(problem, sample, entry, key, cached, undefined, firstJudgement);
  };

  // A bounded window of samples in progress (generating, waiting to execute, executing): enough
  // to keep generation and the executor busy, while a 100,000-sample evaluate holds a few dozen
  // programs in memory instead of all of them.
  // Agent attempts: at most 2 × concurrency at once, so that a started conversation is not
  // held up behind the model turns of attempts that started after it.
  const window = options.agent
    ? 2 * generationConcurrency
    : 2 * (generationConcurrency + 2 * options.executor.concurrency);
  await forEachBounded(work, window, async (item) => {
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
  });
  // Timeouts, one program at a time with nothing else executing.
  for (const [key, pending] of pendingReruns) {
    if (signal?.aborted) break;
    let final: CachedExecution;
    try {
      final = await pending.rerun();
    } catch (error) {
      if (signal?.aborted) break;
      throw error;
    }
    if (signal?.aborted) break;
    if (!INFRASTRUCTURE_STATUSES.has(final.status)) await options.executionCache?.set(key, final);
    for (const { problem, sample, firstCode } of pending.samples) {
      record(problem, sample, final, key, false, pending.first, firstCode);
    }
  }
  const stopReason: RunStopReason | undefined = signal?.aborted ? 'aborted' : stoppedBy;
  emit({
    type: 'run-end',
    completed: stopReason === undefined,
    ...(stopReason ? { stopReason } : {}),
  });
  return { completed: stopReason === undefined, ...(stopReason ? { stopReason } : {}) };
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
    ...(verdict.reference === undefined ? {} : { reference: verdict.reference }),
    duration_ms: Math.round(durationMs),
    exit_code: exitCode,
    stdout_tail: '',
    stderr_tail: '',
    ...(verdict.subsets ? { subsets: verdict.subsets } : {}),
  };
}

function verdictTail(result: ExecutionResult | undefined, stream: 'stdout' | 'stderr'): string {
  const last = result?.steps.at(-1);
  if (!last) return '';
  const report = last.report as { stdout_tail?: unknown; stderr_tail?: unknown } | null;
  const fromReport = report?.[`${stream}_tail`];
  const fromProcess = stream === 'stdout' ? last.stdoutTail : last.stderrTail;
  return [typeof fromReport === 'string' ? fromReport : '', fromProcess].filter(Boolean).join('\n');
}

function tail(text: string, maxChars = 2048): string {
  return text.length > maxChars ? text.slice(-maxChars) : text;
}
