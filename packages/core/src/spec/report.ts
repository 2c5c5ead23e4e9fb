import type { PairedDifference } from './comparison.ts';
import type { PassAtKEstimate, RunManifest, RunSlice, RunSummary } from './run.ts';
import type { VerdictStatus } from './verdict.ts';

/** Version of the report data (`passk report --format json` with several runs, the HTML's embedded data). */
export const REPORT_FORMAT_VERSION = 1;

/**
 * Statistics a `summary.json` may carry beyond the fields every run has; a report shows each
 * one when present and says it is not in the run's summary otherwise.
 */
export interface SummaryStatistics {
  /** pass^k (all k attempts pass: mean over problems of C(c, k) / C(n, k)), keyed by k. */
  readonly pass_hat_k?: Readonly<Record<string, number>>;
  /** Where in generation order each problem was first solved. */
  readonly first_pass?: {
    /** 0-based index of a problem's first passing sample → number of problems. */
    readonly histogram: Readonly<Record<string, number>>;
    /** Problems with no passing sample. */
    readonly never: number;
  };
  /** Distinct normalized programs per problem (means), and problems solved by one program only. */
  readonly diversity?: {
    readonly distinct_per_problem: number;
    readonly distinct_passing_per_problem: number;
    /** Task ids whose two or more passing samples are all one normalized program. */
    readonly single_program_passing?: readonly string[];
    /** How programs were normalized before counting. */
    readonly normalization?: string;
  };
  /** pass@k by language, tag, difficulty and date window. */
  readonly slices?: readonly ReportSlice[];
}

/** One slice of a run's problems with its pass@k (as the run's summary gives it). */
export type ReportSlice = RunSlice;

/** One point of the pass@k curve; fractions in [0, 1]. */
export interface PassAtKCurvePoint extends PassAtKEstimate {
  readonly k: number;
  /** pass@k in generation order (first k samples), when every problem has k scored samples. */
  readonly in_order?: number;
}

/** One sample of a problem as a report shows it. */
export interface SampleReport {
  /** 0-based sample index (the run's `sample_index`). */
  readonly index: number;
  readonly status: VerdictStatus;
  readonly passed: boolean;
  readonly duration_ms: number;
  /** The code that was tested (cut at the report's code limit, with a note, when longer). */
  readonly code: string;
  /** The harness's result string. */
  readonly detail: string;
  /** Ends of the program's output (cut to the report's tail limit, the end kept). */
  readonly stdout_tail: string;
  readonly stderr_tail: string;
}

/** One problem of a run: its scored counts and its samples. */
export interface ProblemReport {
  readonly task_id: string;
  readonly language: string;
  /** Scored samples (infrastructure faults left out). */
  readonly n: number;
  /** Passing samples among them. */
  readonly c: number;
  /**
   * 0-based position, among the scored samples in generation order, of the first passing one
   * (the sample index when no sample was an infrastructure fault); null when none passed.
   */
  readonly first_pass: number | null;
  /** Every sample with a result, infrastructure faults included, by index. */
  readonly samples: readonly SampleReport[];
}

/** One run as a report shows it. */
export interface RunReport {
  readonly directory: string;
  /** The model the run sampled (`provider.model`). */
  readonly model: string;
  readonly manifest: RunManifest;
  readonly summary: RunSummary & SummaryStatistics;
  /** True when the run had no `summary.json` and the summary was computed from its results. */
  readonly summary_recomputed: boolean;
  /**
   * pass@k for k = 1 up to the smallest scored n (every k up to 100, then about 100 points
   * spread evenly on a log scale plus the requested k), with the summary's bootstrap settings.
   */
  readonly curve: readonly PassAtKCurvePoint[];
  /** The problems in benchmark order. */
  readonly problems: readonly ProblemReport[];
}

/** The paired comparison of two runs of a leaderboard. */
export interface LeaderboardPair {
  /** Indices into `ReportData.runs`; differences are a − b. */
  readonly a: number;
  readonly b: number;
  readonly shared_problems: number;
  /** Per k: the paired difference, with `p_adjusted` recomputed by Holm across every pair and k of the leaderboard. */
  readonly k: Readonly<Record<string, PairedDifference>>;
  /** Problems that flipped between the two runs. */
  readonly flipped: number;
}

/** Several runs on one dataset, ranked, with pairwise paired comparisons. */
export interface Leaderboard {
  /** The k every run reports. */
  readonly ks: readonly number[];
  /** Indices into `ReportData.runs`, best first by pass@(smallest k). */
  readonly ranking: readonly number[];
  readonly pairs: readonly LeaderboardPair[];
  /** How the pairs were tested and adjusted. */
  readonly method: string;
}

/** Everything a report shows; embedded in the HTML report as JSON. */
export interface ReportData {
  readonly format_version: number;
  readonly passk_version: string;
  readonly runs: readonly RunReport[];
  /** Present when there are two runs or more. */
  readonly leaderboard?: Leaderboard;
  /** Limits applied to the sample texts. */
  readonly limits: { readonly max_code_chars: number; readonly max_tail_chars: number };
}
