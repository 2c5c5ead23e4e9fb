import type { ExecutionLimits } from '../../spec/executor.ts';

/** Default of `ExecutionLimits.maxProcesses`. */
export const DEFAULT_MAX_PROCESSES = 256;

/** Default of `ExecutionLimits.maxFileBytes`: 64 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 ** 2;

/** The rlimits one step runs under; 0 means none. */
export interface StepRlimits {
  /** RLIMIT_AS in bytes. */
  readonly addressSpaceBytes: number;
  /** RLIMIT_CPU soft limit in seconds (SIGXCPU); the hard limit (SIGKILL) is one more. */
  readonly cpuSeconds: number;
  /** RLIMIT_NPROC. */
  readonly processes: number;
  /** RLIMIT_FSIZE in bytes. */
  readonly fileBytes: number;
}

/**
 * The rlimits of a step with wall-clock limit `timeoutMs` under `limits`: CPU seconds are the
 * wall-clock limit rounded up; the process limit applies only when `countProcessesPerSandbox`
 * (inside the sandbox's own user namespace; elsewhere RLIMIT_NPROC would count every process
 * of the user, or nothing at all for root).
 */
export function stepRlimits(
  limits: ExecutionLimits,
  timeoutMs: number,
  countProcessesPerSandbox: boolean,
): StepRlimits {
  return {
    addressSpaceBytes: limits.maxMemoryBytes,
    cpuSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
    processes: countProcessesPerSandbox ? (limits.maxProcesses ?? DEFAULT_MAX_PROCESSES) : 0,
    fileBytes: limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
}

/** `prlimit` options for `rlimits` (core dumps always off). */
export function prlimitOptions(rlimits: StepRlimits): string[] {
  const options = ['--core=0'];
  if (rlimits.cpuSeconds > 0) options.push(`--cpu=${rlimits.cpuSeconds}:${rlimits.cpuSeconds + 1}`);
  if (rlimits.addressSpaceBytes > 0) options.push(`--as=${rlimits.addressSpaceBytes}`);
  if (rlimits.processes > 0) options.push(`--nproc=${rlimits.processes}`);
  if (rlimits.fileBytes > 0) options.push(`--fsize=${rlimits.fileBytes}`);
  return options;
}
