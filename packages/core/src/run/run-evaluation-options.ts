import type { SandboxMode } from '../execution/sandbox/sandbox-mode.ts';
import type { AgentSettings } from '../spec/agent.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { Executor } from '../spec/executor.ts';
import type { Language } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import type { PromptFormat, Provider, SamplingParameters } from '../spec/provider.ts';
import type { RunManifest } from '../spec/run.ts';
import type { VerdictRule } from '../spec/verdict.ts';
import type { RunEvent } from './events.ts';
import type { RunEnvironment, RunLogger } from './run-environment.ts';

/** The problems a run covers and how many samples each gets; see `RunEvaluationOptions.scope`. */
export interface RunScope {
  /** The problems to run, in benchmark order; at least one. */
  readonly problems: readonly Problem[];
  /** Samples of one problem when they differ by problem (evaluating a file). Default `n`. */
  readonly samplesFor?: (problem: Problem) => number;
  /** The samples file scored by an `evaluate` run: recorded in the manifest and the identity. */
  readonly input?: RunManifest['input'];
  /** The `--since` / `--until` window the problems were selected with: recorded in the manifest. */
  readonly dateWindow?: RunManifest['date_window'];
}

/** What {@link RunEvaluationOptions.createExecutor} is told about the run. */
export interface ExecutorContext {
  /** The run's id (`manifest.run_id`; the same when the run resumes). */
  readonly runId: string;
  /** How programs are isolated (`sandbox` option). */
  readonly sandbox: SandboxMode;
  /** The run's logger. */
  readonly logger: RunLogger;
}

/**
 * Everything {@link runEvaluation} needs: plugin instances and settings. Defaults are those
 * of `passk run`; every field but `dataset`, `provider`, `language` and `passkVersion` is
 * optional.
 */
export interface RunEvaluationOptions {
  readonly dataset: Dataset;
  readonly provider: Provider;
  /** Resolves a problem's language id to its plugin (e.g. `registry.language`). */
  readonly language: (id: string) => Language;
  /** Version of the passk package driving the run: recorded in the manifest, part of cache keys. */
  readonly passkVersion: string;
  /** `run` (default) or `evaluate`: recorded in the manifest, part of the run identity. */
  readonly mode?: 'run' | 'evaluate';
  /**
   * Chooses the problems (and per-problem sample counts) among the loaded ones; called after
   * `provider.prepare()` and `dataset.load()`. Default: every problem, `n` samples each.
   * May throw `UsageError` / `InvalidInputError` for a bad selection.
   */
  readonly scope?: (problems: readonly Problem[]) => RunScope;
  /** Samples per problem (`-n`). Default 1. */
  readonly n?: number;
  /** The k of pass@k (`-k`). Default 1, 10, 100 where k ≤ n; a k > n is a `UsageError`. */
  readonly k?: readonly number[];
  /** Sampling parameters sent to the provider. Default `{}`. */
  readonly sampling?: SamplingParameters;
  /** Builds prompts and extracts code for generative providers; absent: raw prompt cut at stops. */
  readonly promptFormat?: PromptFormat;
  /**
   * Benchmark the model as an agent (`--agent`): every sample is an attempt of a tool loop
   * (`run_tests` on the visible tests, `run_code`, `submit`) within these budgets, scored by
   * the hidden tests; part of the run identity. The provider must implement `respond`.
   * Default: one-shot samples.
   */
  readonly agent?: AgentSettings;
  /** Seed of the bootstrap intervals (`--seed`), part of the run identity. Default 0. */
  readonly seed?: number;
  /** Bootstrap resamples of the intervals (`--resamples`). Default 2000. */
  readonly resamples?: number;
  /** Multiplier of every time limit (`--timeout-factor`), part of the run identity. Default 1. */
  readonly timeoutFactor?: number;
  /** Which judgement is scored (`--verdicts`), part of the run identity. Default `strict`. */
  readonly verdicts?: VerdictRule;
  /** Run directory (`--out`), relative to `cwd`. Default `runs/<name>-<identity hash>`. */
  readonly out?: string;
  /** Directory `out` and the default `runs/` are relative to. Default `process.cwd()`. */
  readonly cwd?: string;
  /** First part of the default directory name. Default `<dataset id>-<model>`, file-name safe. */
  readonly name?: string;
  /** Generation requests in flight at once (`--concurrency`). Default 8. */
  readonly generationConcurrency?: number;
  /** Time limit of one generation request in milliseconds (`--request-timeout`). Default none. */
  readonly requestTimeoutMs?: number;
  /** Retries of a failed generation request (`--retries`). Default 6 (`DEFAULT_RETRY_POLICY`). */
  readonly retries?: number;
  /**
   * Spending limit in US dollars (`--max-cost`): the run refuses to start when its worst case
   * could pass it (`UsageError`), and sends no request that could take it past. Default none.
   */
  readonly maxCostUsd?: number;
  /** Use the generation and execution caches under the cache directory (`--no-cache`: false). Default true. */
  readonly cache?: boolean;
  /** Executor to run programs on; the caller closes it. Default: `createRunExecutor` from `workers`, `sandbox`, `env`, closed at the end. */
  readonly executor?: Executor;
  /**
   * Creates the run's executor once the run's identity is known (a distributed executor names
   * its jobs after `runId`); the run closes it at the end. Ignored when `executor` is given.
   * Default: `createRunExecutor` from `workers`, `sandbox`, `env`.
   */
  readonly createExecutor?: (context: ExecutorContext) => Executor;
  /** Programs executed at once (`--workers`), for the default executor. Default `os.availableParallelism()`. */
  readonly workers?: number;
  /** How programs are isolated (`--sandbox`), for the default executor. Default `bwrap`. */
  readonly sandbox?: SandboxMode;
  /** Environment variables passk reads (`RunEnvironment`). Default `{}` (core never reads `process.env`). */
  readonly env?: RunEnvironment;
  /** Receives progress notes and warnings. Default silent. */
  readonly logger?: RunLogger;
  /** Receives every event; the same as `handle.on('*', …)` registered before the start. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Stops the run (kept on disk: call again to resume); the same as `handle.abort()`. */
  readonly signal?: AbortSignal;
}
