import type { AgentAttemptRecord } from './agent.ts';
import type { ExecutionLimits, ExecutorWorker, ResourceLimit } from './executor.ts';
import type { PromptMode, ProviderFailure, SamplingParameters, TokenUsage } from './provider.ts';
import type { Judgement, VerdictRule, VerdictStatus } from './verdict.ts';

/** The slicing metadata of a problem kept in a manifest (`Problem.metadata`'s known fields). */
export interface ProblemSlicing {
  readonly tags?: readonly string[];
  readonly difficulty?: string;
  readonly date?: string;
}

/** Version of the run-store file formats; bumped on incompatible change. */
export const RUN_FORMAT_VERSION = 1;

/** What produced a run; written once as `manifest.json`. */
export interface RunManifest {
  readonly format_version: number;
  readonly run_id: string;
  readonly created_at: string;
  readonly passk_version: string;
  /** `run` or `evaluate`. */
  readonly mode: 'run' | 'evaluate';
  readonly dataset: {
    readonly id: string;
    readonly version: string;
    readonly content_hash: string;
  };
  readonly provider: {
    readonly id: string;
    readonly model: string;
    /** Endpoint settings (base URL, API flavour); never keys. */
    readonly endpoint?: Readonly<Record<string, string>>;
  };
  readonly sampling: SamplingParameters;
  /** How prompts were built and answers turned into code (model providers only). */
  readonly prompt?: {
    readonly mode: PromptMode;
    /** The prompt format's id (`completion`, `chat:humaneval`, `chat:file`). */
    readonly format: string;
    /** sha256 of the template and prompt settings. */
    readonly hash: string;
  };
  /**
   * Agent runs (`--agent`): the budgets of every attempt and the hash of the agent's system
   * prompt and tools; absent for one-shot runs.
   */
  readonly agent?: {
    readonly max_turns: number;
    readonly max_tool_calls: number;
    readonly attempt_timeout_ms: number;
    /** sha256 of the system prompt, task message template and tool definitions. */
    readonly hash: string;
    /**
     * The agent program of a `--model command:` run: its path, the sha256 of the file (an
     * edited program is another run) and the protocol passk speaks with it.
     */
    readonly command?: {
      readonly path: string;
      readonly sha256: string;
      readonly protocol: 'passk-agent-command/1';
    };
  };
  /** Samples per problem. */
  readonly n: number;
  readonly k: readonly number[];
  /**
   * Task ids in the run, in benchmark order: the benchmark's own ids, which repeat in a
   * multi-language MultiPL-E run (one per language; `task_languages` tells them apart).
   */
  readonly task_ids: readonly string[];
  /** The language of each entry of `task_ids` (absent in runs written before it existed). */
  readonly task_languages?: readonly string[];
  /**
   * Slicing metadata of each entry of `task_ids` (tags, difficulty, date), when the dataset has
   * any; `null` for a problem without. Lets `passk compare` and `passk report` slice later.
   */
  readonly task_metadata?: readonly (ProblemSlicing | null)[];
  /** The `--since` / `--until` date window the problems were selected with (ISO dates). */
  readonly date_window?: { readonly since?: string; readonly until?: string };
  readonly executor: {
    readonly id: string;
    readonly sandbox: string;
    readonly concurrency: number;
    /** How programs were isolated and which limits were in force (`Executor.isolation`). */
    readonly isolation?: readonly string[];
    /** The machines that executed jobs (distributed executors), over every session of the run. */
    readonly workers?: readonly ExecutorWorker[];
  };
  readonly timeout_factor: number;
  /** Which judgement is scored (absent in runs made before the rule existed: `strict`). */
  readonly verdicts?: VerdictRule;
  /**
   * Resource limits per language id, as used (memory, output, processes, file size), with the
   * rule for time: each step's wall-clock limit is the benchmark's, times `timeout_factor`,
   * and its CPU-time limit equals its wall-clock limit.
   */
  readonly limits?: Readonly<Record<string, ExecutionLimits>>;
  /** Toolchain per language id: path and version. */
  readonly toolchains: Readonly<
    Record<string, { readonly path?: string; readonly version?: string }>
  >;
  readonly seed: number;
  /** For `evaluate`: the input file and its sha256. */
  readonly input?: { readonly path: string; readonly sha256: string; readonly format: string };
}

/** One generated sample; a line of `samples.jsonl`. */
export interface SampleRecord {
  readonly task_id: string;
  readonly sample_index: number;
  /**
   * The problem's language id; with `task_id` it identifies the problem (absent in runs
   * written before it existed: the run's only language then).
   */
  readonly language?: string;
  /** The model's raw text. */
  readonly raw: string;
  /** The code that was tested. */
  readonly completion: string;
  /** `completion` continues the prompt; `solution` is a whole program. */
  readonly kind: 'completion' | 'solution';
  readonly finish_reason: string;
  readonly usage?: TokenUsage;
  readonly cost_usd?: number;
  readonly latency_ms: number;
  /** How the code was found in `raw` (chat answers, stop truncation); absent for replayed code. */
  readonly extraction?: {
    readonly strategy: string;
    /** False when the answer held no code. */
    readonly found_code: boolean;
  };
  /** The model's separate reasoning text, when the provider returned one. */
  readonly reasoning?: string;
  /** Requests made for this sample (retries included). */
  readonly attempts?: number;
  readonly error?: ProviderFailure;
  /**
   * Agent runs: the attempt (why it ended, turns, tool calls, the whole transcript). `raw` is
   * then the scored code, `usage`, `cost_usd` and `latency_ms` the attempt's totals.
   */
  readonly agent?: AgentAttemptRecord;
}

/** One executed sample; a line of `results.jsonl`. */
export interface ResultRecord {
  readonly task_id: string;
  readonly sample_index: number;
  readonly language: string;
  readonly status: VerdictStatus;
  readonly passed: boolean;
  /** The reference harness's result string (`passed`, `failed: ...`, `timed out`). */
  readonly detail: string;
  readonly duration_ms: number;
  readonly exit_code: number | null;
  readonly stdout_tail: string;
  readonly stderr_tail: string;
  /** Hash of what ran; identical programs share it and run once. */
  readonly execution_key: string;
  /** True when the verdict came from the execution cache instead of a new execution. */
  readonly cached: boolean;
  /** The resource limit the executor saw being exceeded, if any. */
  readonly limit?: ResourceLimit;
  /**
   * The reference harness's judgement, when the run scores `strict` verdicts and the
   * reference rule says otherwise (e.g. it passes an early `exit(0)`).
   */
  readonly reference?: Judgement;
  /** passk's strict judgement, when the run scores `reference` verdicts and they differ. */
  readonly strict?: Judgement;
  /**
   * Set when the sample first timed out and was re-run alone (nothing else executing) before
   * its verdict became final: the first attempt's status and detail.
   */
  readonly rerun?: { readonly first_status: VerdictStatus; readonly first_detail: string };
  /**
   * Of a timeout whose CPU time was measured (the first attempt's, when re-run): whether the
   * program used at least 90% of its wall-clock time as CPU. A CPU-bound timeout is final
   * without a re-run (a loaded machine cannot explain it); the others are re-run.
   */
  readonly cpu_bound?: boolean;
  /** Verdicts on named test subsets (`Verdict.subsets`), when the benchmark has them. */
  readonly subsets?: Readonly<Record<string, boolean>>;
  /**
   * Agent runs: the hidden-test judgement of the attempt's first code (`agent.first_code`),
   * when it differs from the scored code: what repair changed.
   */
  readonly first_code?: { readonly status: VerdictStatus; readonly passed: boolean };
}

/** One pass@k figure with its confidence interval; fractions in [0, 1]. */
export interface PassAtKEstimate {
  readonly estimate: number;
  readonly ci_low: number;
  readonly ci_high: number;
}

/** The statistics of a run; `summary.json`. */
export interface RunSummary {
  readonly format_version: number;
  readonly dataset: string;
  readonly model: string;
  readonly problems: number;
  readonly samples: number;
  /** Smallest and largest number of scored samples per problem. */
  readonly samples_per_problem: { readonly min: number; readonly max: number };
  /** Keyed by k (`"1"`, `"10"`). */
  readonly pass_at_k: Readonly<Record<string, PassAtKEstimate>>;
  /** Requested k that were not reported, and why. */
  readonly excluded_k: readonly {
    readonly k: number;
    readonly reason: string;
    readonly problems: readonly string[];
  }[];
  /** Count of samples per status (all statuses present, zeros included). */
  readonly statuses: Readonly<Record<VerdictStatus, number>>;
  /** Samples not scored because of infrastructure faults (toolchain_missing, infra_error, failed generations). */
  readonly infrastructure_failures: number;
  /**
   * The infrastructure faults themselves (at most 100, in benchmark order): never model
   * failures, listed so they can be fixed and the run resumed (which re-executes them).
   */
  readonly infrastructure_faults?: readonly {
    readonly task_id: string;
    readonly sample_index: number;
    readonly status: VerdictStatus | 'generation_error';
    readonly detail: string;
  }[];
  /**
   * Samples that timed out and were re-run alone, how many of those verdicts changed, and how
   * many timeouts were final without a re-run because they were CPU-bound (`cpu_bound`).
   */
  readonly timeout_reruns?: {
    readonly rerun: number;
    readonly changed: number;
    readonly cpu_bound?: number;
  };
  /**
   * The scored verdict rule, and how many samples the other rule judges differently (pass vs
   * no pass).
   */
  readonly verdict_rule?: { readonly scored: VerdictRule; readonly differing: number };
  /** How the intervals were computed. */
  readonly confidence: {
    readonly method: string;
    readonly level: number;
    readonly resamples: number;
    readonly seed: number;
  };
  /** Per-language entries when several languages ran. */
  readonly languages?: Readonly<
    Record<
      string,
      Omit<RunSummary, 'languages' | 'confidence' | 'format_version' | 'dataset' | 'model'>
    >
  >;
  /** pass@k computed in generation order (the first k samples), next to the unbiased estimate. */
  readonly pass_at_k_in_order?: Readonly<Record<string, number>>;
  /**
   * Unbiased pass^k (τ-bench: all k samples pass) keyed by each reported k: the mean over
   * problems of C(c, k) / C(n, k), in its stable product form.
   */
  readonly pass_hat_k?: Readonly<Record<string, number>>;
  /**
   * Where each problem was first solved: `histogram` maps the 0-based position of its first
   * passing sample among its scored samples, in generation order (`"0"`, `"3"`), to the number
   * of problems; `never` counts problems with no passing sample. They add up to `problems`.
   */
  readonly first_pass?: {
    readonly histogram: Readonly<Record<string, number>>;
    readonly never: number;
  };
  /** How different the samples are (see `RunDiversity`). */
  readonly diversity?: RunDiversity;
  /** pass@k by slice: language, tag, difficulty, date (see `RunSlice`); absent when none apply. */
  readonly slices?: readonly RunSlice[];
  readonly cost_usd?: number;
  /** Generation figures of model runs: token usage, failures and extraction. */
  readonly generation?: RunGenerationSummary;
  /** Agent runs (`--agent`): turns, tool calls, repair, over-fitting and spend per attempt. */
  readonly agent?: RunAgentSummary;
  /**
   * pass@k on each named test subset the results carry (EvalPlus: `base`, while `pass_at_k`
   * is base + plus); a sample without the subset counts as failing it.
   */
  readonly subsets?: Readonly<
    Record<
      string,
      {
        readonly pass_at_k: Readonly<Record<string, PassAtKEstimate>>;
        readonly excluded_k: RunSummary['excluded_k'];
      }
    >
  >;
}

/**
 * The figures of an agent run (`summary.agent`), over its scored attempts. Rates are fractions
 * of attempts in [0, 1]; pass@k over attempts is the summary's `pass_at_k`.
 */
export interface RunAgentSummary {
  /** Scored attempts (infrastructure faults and failed model requests left out). */
  readonly attempts: number;
  /** Attempts per reason they ended (`submitted`, `model_stopped`, `max_turns`, …). */
  readonly end_reasons: Readonly<Record<string, number>>;
  /** Keyed by t (`"1"` … the most turns taken): the share of attempts that passed within t turns. */
  readonly solved_within_turns: Readonly<Record<string, number>>;
  /** Keyed by T (`"1000"`, `"2000"`, doubling): the share that passed within T tokens (input + output). */
  readonly solved_within_tokens: Readonly<Record<string, number>>;
  /** Share of attempts whose first code (the first given to run_tests or submit) passes the hidden tests. */
  readonly first_code_pass_rate: number;
  /** Share of attempts whose scored code passes: what the attempt ended with. */
  readonly final_pass_rate: number;
  /** Attempts whose first code failed and whose scored code passed. */
  readonly repaired: number;
  /** Attempts whose first code passed and whose scored code failed. */
  readonly broken_by_repair: number;
  /** Attempts whose scored code passes the visible tests and fails the hidden ones (over-fitting to the examples). */
  readonly passes_visible_fails_hidden: number;
  /** Attempts whose scored code was checked on visible tests (the denominator of the line above). */
  readonly visible_checked: number;
  /**
   * Tool calls (over all attempts) whose program the sandbox stopped at one of its limits
   * (memory, processes, file size, disk, output, CPU or wall time): contained, and reported
   * in the attempt's transcript.
   */
  readonly contained_tool_calls: number;
  /**
   * Tool calls (over all attempts) whose program the sandbox denied network or file access, as
   * its error output shows it (the transcript entry's `denied`): contained too, counted apart
   * from `contained_tool_calls` (a call can count in both). A report read from the program's
   * output, never part of a verdict. Absent in summaries written before it existed.
   */
  readonly denied_tool_calls: number;
  /** `denied_tool_calls` per kind of access (a call denied both counts in both). */
  readonly denied_access: { readonly network: number; readonly filesystem: number };
  /** Means per attempt. */
  readonly per_attempt: {
    readonly turns: number;
    readonly tool_calls: number;
    readonly tool_errors: number;
    readonly tokens: number;
    readonly cost_usd: number;
  };
  /** Problems with at least one passing attempt. */
  readonly solved_problems: number;
  /** What the whole run spent (every scored attempt) per solved problem; null when none was solved. */
  readonly per_solved_problem: {
    readonly tool_calls: number | null;
    readonly tokens: number | null;
    readonly cost_usd: number | null;
  };
}

/**
 * Distinct programs after normalization (`normalization` says which): comments and
 * whitespace removed for every language, and for Python the program's AST with docstrings
 * dropped and local names canonicalised. Many minor variants of one solution inflate pass@k;
 * these figures show it.
 */
export interface RunDiversity {
  /** Distinct normalized programs per problem (mean over problems). */
  readonly distinct_per_problem: number;
  /** Distinct normalized programs among the passing samples per problem (mean). */
  readonly distinct_passing_per_problem: number;
  /**
   * Problems with at least 2 passing samples that are all one normalized program, in
   * benchmark order: task ids, or `<language>:<task id>` in a run of several languages.
   * Absent in summaries written before it existed (whitespace-only normalization).
   */
  readonly single_program_passing?: readonly string[];
  /** What normalization was applied, in words (absent in summaries written before it). */
  readonly normalization?: string;
}

/** Problems in a slice below which it is flagged `small`. */
export const SMALL_SLICE_PROBLEMS = 30;

/** pass@k on a subset of a run's problems. */
export interface RunSlice {
  /**
   * What the slice groups by: the problem's language (runs of several languages), each of its
   * tags, its difficulty, or the month of its date (`value` `YYYY-MM`).
   */
  readonly kind: 'language' | 'tag' | 'difficulty' | 'date';
  readonly value: string;
  /** Problems in the slice. */
  readonly problems: number;
  /** Samples of those problems that were scored (infrastructure faults not counted). */
  readonly samples: number;
  /** As `RunSummary.pass_at_k`, over the slice's problems (a k is absent when not reportable). */
  readonly pass_at_k: Readonly<Record<string, PassAtKEstimate>>;
  /** True when the slice has fewer than `SMALL_SLICE_PROBLEMS` (30) problems: read its intervals with care. */
  readonly small: boolean;
}

/** Token usage and extraction figures over a run's samples. */
export interface RunGenerationSummary {
  /** Samples with a generation (successful or not). */
  readonly samples: number;
  /** Samples whose generation failed (not scored; retried on resume), by error class. */
  readonly failed: Readonly<Record<string, number>>;
  /** Samples whose answer held no code. */
  readonly no_code: number;
  /** `no_code` over successful generations (0 when none). */
  readonly no_code_share: number;
  /** Samples per extraction strategy. */
  readonly strategies: Readonly<Record<string, number>>;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly reasoning_tokens: number;
  readonly cached_input_tokens: number;
}
