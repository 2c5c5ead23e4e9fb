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

/** The judgement of one executed program. */
export interface Verdict {
  /** The outcome class. */
  readonly status: VerdictStatus;
  /** True exactly when `status` is `passed`. */
  readonly passed: boolean;
  /** A one-line human-readable reason in the reference harness's words (e.g. `failed: `). */
  readonly detail: string;
}
