import type { ProviderFailure, SamplingParameters, TokenUsage } from './provider.ts';
import type { VerdictStatus } from './verdict.ts';

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
  readonly provider: { readonly id: string; readonly model: string };
  readonly sampling: SamplingParameters;
  /** Samples per problem. */
  readonly n: number;
  readonly k: readonly number[];
  /** Task ids in the run, in benchmark order. */
  readonly task_ids: readonly string[];
  readonly executor: {
    readonly id: string;
    readonly sandbox: string;
    readonly concurrency: number;
  };
  readonly timeout_factor: number;
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
  readonly error?: ProviderFailure;
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
  /** Verdicts on named test subsets (`Verdict.subsets`), when the benchmark has them. */
  readonly subsets?: Readonly<Record<string, boolean>>;
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
  /** Distinct normalized programs per problem (mean), and among passing ones. */
  readonly diversity?: {
    readonly distinct_per_problem: number;
    readonly distinct_passing_per_problem: number;
  };
  readonly cost_usd?: number;
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
