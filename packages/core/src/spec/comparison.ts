/** Version of the comparison format (`passk compare --json`); bumped on incompatible change. */
export const COMPARISON_FORMAT_VERSION = 1;

/** The paired difference of one pass@k between two runs; fractions unless named otherwise. */
export interface PairedDifference {
  /** pass@k of run a on the shared problems (mean of the unbiased per-problem estimates). */
  readonly estimate_a: number;
  /** pass@k of run b on the shared problems. */
  readonly estimate_b: number;
  /** `estimate_a - estimate_b`, in [-1, 1]. */
  readonly difference: number;
  /** Lower bound of the paired bootstrap interval of the difference; never above it. */
  readonly ci_low: number;
  /** Upper bound of the paired bootstrap interval of the difference; never below it. */
  readonly ci_high: number;
  /** Two-sided p-value of "no difference" (test named in `test`). */
  readonly p_value: number;
  /** `p_value` after Holm's step-down adjustment across the k reported. */
  readonly p_adjusted: number;
  /** The test behind `p_value`: `mcnemar-exact` or `sign-flip`. */
  readonly test: 'mcnemar-exact' | 'sign-flip';
  /**
   * Smallest true |difference| this design detects with 80% power at the 5% level (two-sided),
   * from a normal approximation of the test (see `method.minimum_detectable_difference`);
   * null when the observed differences carry no variance to base it on.
   */
  readonly minimum_detectable_difference: number | null;
}

/** A problem whose majority verdict differs between the runs (see `method.flipped`). */
export interface FlippedProblem {
  readonly task_id: string;
  /** The problem's language, in a comparison of multi-language runs (task ids repeat). */
  readonly language?: string;
  /** Passing share of run a's scored samples (c / n). */
  readonly pass_rate_a: number;
  /** Passing share of run b's scored samples. */
  readonly pass_rate_b: number;
  /** Scored and passing samples of each run. */
  readonly a: { readonly n: number; readonly c: number };
  readonly b: { readonly n: number; readonly c: number };
  /** The run that solves it (`a` when `pass_rate_a > pass_rate_b`). */
  readonly better: 'a' | 'b';
}

/** How a comparison was computed, so that it can be reproduced. */
export interface ComparisonMethod {
  /** Seed of every random stream (bootstrap and permutations). */
  readonly seed: number;
  /** Paired bootstrap replicates per k. */
  readonly resamples: number;
  /** Random sign flips per k for the sign-flip test (unused by McNemar). */
  readonly permutations: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** Name of the interval method. */
  readonly interval: string;
  /** Names of the tests used, by when they apply. */
  readonly tests: { readonly n_is_1: string; readonly otherwise: string };
  /** Multiple-comparison adjustment across k (and slices, see `adjusted_across`). */
  readonly adjustment: 'holm';
  /** The family `p_adjusted` is adjusted across, in words (the k and slices shown). */
  readonly adjusted_across?: string;
  /** How problems were grouped into clusters, when they were (e.g. the HumanEval number). */
  readonly cluster_key?: string;
  /** Problems resampled and flipped as groups: the number of groups, or null (each problem alone). */
  readonly clusters: number | null;
  /** The rule that lists a problem as flipped. */
  readonly flipped: string;
  /** How the minimum detectable difference is computed. */
  readonly minimum_detectable_difference: string;
}

/** The paired comparison of two runs on the problems they share; `passk compare --json`. */
export interface RunComparison {
  readonly format_version: number;
  /** The two runs: directory, dataset, model. */
  readonly a: ComparedRun;
  readonly b: ComparedRun;
  /** Problems scored in both runs (at least one scored sample in each). */
  readonly shared_problems: number;
  /** Problems of run a that run b lacks or did not score, and the converse. */
  readonly not_shared: { readonly only_a: number; readonly only_b: number };
  /** One entry per k both runs report and every shared problem allows (n >= k), keyed `"1"`. */
  readonly k: Readonly<Record<string, PairedDifference>>;
  /** k reported by only one run, or not allowed by the shared problems' sample counts. */
  readonly excluded_k: readonly { readonly k: number; readonly reason: string }[];
  /** Problems that flipped, largest |pass_rate_a - pass_rate_b| first. */
  readonly flipped: readonly FlippedProblem[];
  /**
   * The same comparison on each slice of the shared problems (language in multi-language
   * runs, tag, difficulty, month of date), with `p_adjusted` Holm-adjusted together with the
   * k above; absent when there are no slices.
   */
  readonly slices?: readonly SliceComparison[];
  readonly method: ComparisonMethod;
}

/** A paired comparison on one slice of the shared problems. */
export interface SliceComparison {
  readonly kind: 'language' | 'tag' | 'difficulty' | 'date';
  readonly value: string;
  /** Shared problems in the slice. */
  readonly shared_problems: number;
  /** Fewer than 30 shared problems: read with care. */
  readonly small: boolean;
  /** One entry per k compared on the slice, as `RunComparison.k`. */
  readonly k: Readonly<Record<string, PairedDifference>>;
}

/** One side of a comparison. */
export interface ComparedRun {
  readonly directory: string;
  readonly dataset: string;
  readonly model: string;
  /** Samples per problem requested by the run. */
  readonly n: number;
}
