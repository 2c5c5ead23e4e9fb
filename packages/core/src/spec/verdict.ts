/**
 * The outcome classes of one executed sample. Only `passed` counts as a pass.
 * `toolchain_missing` and `infra_error` are infrastructure faults: they are never counted as
 * model failures; they are retried and reported separately.
 */
export type VerdictStatus =
  | 'passed'
  | 'failed'
  | 'runtime_error'
  | 'compile_error'
  | 'timeout'
  | 'memory_limit'
  | 'output_limit'
  | 'toolchain_missing'
  | 'infra_error';

/** Every status, in report order. */
export const VERDICT_STATUSES: readonly VerdictStatus[] = [
  'passed',
  'failed',
  'runtime_error',
  'compile_error',
  'timeout',
  'memory_limit',
  'output_limit',
  'toolchain_missing',
  'infra_error',
];

/** Statuses that describe a fault of the machine, not of the model's program. */
export const INFRASTRUCTURE_STATUSES: ReadonlySet<VerdictStatus> = new Set([
  'toolchain_missing',
  'infra_error',
]);

/** A status with its reason; the core of a {@link Verdict}. */
export interface Judgement {
  /** The outcome class. */
  readonly status: VerdictStatus;
  /** True exactly when `status` is `passed`. */
  readonly passed: boolean;
  /** A one-line human-readable reason in the reference harness's words (e.g. `failed: `). */
  readonly detail: string;
}

/**
 * The judgement of one executed program under passk's rules, which equal the reference
 * harness's except where passk is deliberately stricter: a pass requires positive evidence
 * that the tests ran to completion (a program that exits early with status 0, or kills its
 * test harness, does not pass).
 */
export interface Verdict extends Judgement {
  /**
   * What the reference harness's own rule says, present only when it differs from this
   * verdict (e.g. MultiPL-E passes an early `exit(0)` on its exit code). Runs can adopt it
   * instead for parity studies.
   */
  readonly reference?: Judgement;
  /**
   * Verdicts on named subsets of the tests, when the benchmark scores them separately
   * (EvalPlus: `base`, the original benchmark's test inputs, next to base + plus). `passed`
   * stays the verdict on all tests; the run summary reports pass@k per subset too.
   */
  readonly subsets?: Readonly<Record<string, boolean>>;
  /**
   * The program's own output, when the language reads it from somewhere other than the last
   * step's streams (a judge that writes a protocol line on its stdout and relays the program's
   * output in it). Runs record these as `stdout_tail` / `stderr_tail`; without them, the last
   * step's streams.
   */
  readonly output?: { readonly stdout: string; readonly stderr: string };
  /**
   * On a `timeout`, when the CPU time of the program is known: true when it used at least
   * {@link CPU_BOUND_FRACTION} of its wall-clock time as CPU (a busy program: a loaded machine
   * cannot explain it), false when it mostly waited (asleep, or starved of CPU). A run re-runs
   * the timeouts that are not CPU-bound.
   */
  readonly cpuBound?: boolean;
}

/** Share of its wall-clock time a timed-out program must have used as CPU to be CPU-bound. */
export const CPU_BOUND_FRACTION = 0.9;

/** True when `cpuMs` of CPU time over `wallMs` of wall-clock time is a CPU-bound timeout. */
export function isCpuBound(cpuMs: number, wallMs: number): boolean {
  return cpuMs >= CPU_BOUND_FRACTION * wallMs;
}

/**
 * Which judgement a run scores: `strict` (passk's verdict: a pass needs evidence that the
 * tests ran to completion) or `reference` (the reference harness's own rule, for parity
 * studies; it may pass a program that exits early with status 0).
 */
export type VerdictRule = 'strict' | 'reference';

/** Every verdict rule, default first. */
export const VERDICT_RULES: readonly VerdictRule[] = ['strict', 'reference'];
