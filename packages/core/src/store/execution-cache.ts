import type { ResourceLimit } from '../spec/executor.ts';
import type { Judgement, VerdictStatus } from '../spec/verdict.ts';
import { jsonFileStore } from './internal/json-file-store.ts';

/** The part of a result that depends only on what ran. */
export interface CachedExecution {
  readonly status: VerdictStatus;
  readonly passed: boolean;
  readonly detail: string;
  /** The reference harness's judgement when it differs (see `Verdict.reference`). */
  readonly reference?: Judgement;
  /** The resource limit the executor saw being exceeded. */
  readonly limit?: ResourceLimit;
  readonly duration_ms: number;
  readonly exit_code: number | null;
  readonly stdout_tail: string;
  readonly stderr_tail: string;
  /** Verdicts on named test subsets, when the language reports them. */
  readonly subsets?: Readonly<Record<string, boolean>>;
  /** Of a timeout, when its CPU time was measured: whether it was CPU-bound (`Verdict.cpuBound`). */
  readonly cpu_bound?: boolean;
}

/** A cache of execution outcomes keyed by the hash of program, steps, limits and toolchain. */
export interface ExecutionCache {
  get(key: string): CachedExecution | undefined;
  /** Stores deterministic outcomes only; timeouts and infrastructure faults are never cached. */
  set(key: string, value: CachedExecution): Promise<void>;
}

const UNCACHEABLE: ReadonlySet<VerdictStatus> = new Set([
  'timeout',
  'infra_error',
  'toolchain_missing',
  'memory_limit',
]);

/** A file-backed execution cache under `directory` (one small JSON file per key). */
export function createExecutionCache(directory: string): ExecutionCache {
  return jsonFileStore<CachedExecution>(directory, (value) => !UNCACHEABLE.has(value.status));
}
