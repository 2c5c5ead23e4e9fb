import { decodeTail, TAIL_BYTES } from './output-tail.ts';
import type { StepOutcome } from './step-outcome.ts';

/**
 * The `passk-fork-v1` protocol between the local executor and a warm step server.
 *
 * The server reads one JSON request per line on stdin and answers each with one JSON line
 * on stdout, strictly one at a time. It runs `argv` exactly as the executor would have
 * spawned it (typically by forking a pre-loaded interpreter): in `cwd`, as a new process
 * group, stdin on /dev/null, stdout/stderr captured, under the same rlimits as a spawned step
 * (`max_memory_bytes` as RLIMIT_AS, `max_cpu_seconds`, `max_processes`, `max_file_bytes`, no
 * core dumps), the group SIGKILLed after `timeout_ms`, when a stream passes
 * `max_output_bytes`, and always once the main process has exited. With `clean_sandbox` (a
 * server running in its own sandbox) it then ends every other process of its PID namespace
 * before answering. The executor then reads `report_file` itself.
 *
 * A server that cannot run a request identically answers `{"id", "error": "<reason>"}` and
 * the executor spawns the command instead. On SIGTERM a server kills its running child's
 * process group and exits; it exits when stdin closes.
 */
export const FORK_PROTOCOL = 'passk-fork-v1';

/** One request line. */
export interface ForkRequest {
  /** Positive integer, unique per server; echoed in the response. */
  readonly id: number;
  /** Absolute work directory. */
  readonly cwd: string;
  /** The step's argv, exactly as it would be spawned. */
  readonly argv: readonly string[];
  /** Wall-clock limit in milliseconds. */
  readonly timeout_ms: number;
  /** Bytes per stream before the group is killed. */
  readonly max_output_bytes: number;
  /** RLIMIT_AS in bytes, 0 for none. */
  readonly max_memory_bytes: number;
  /** RLIMIT_CPU soft limit in seconds (hard: one more), 0 for none. */
  readonly max_cpu_seconds: number;
  /** RLIMIT_NPROC, 0 for none. */
  readonly max_processes: number;
  /** RLIMIT_FSIZE in bytes, 0 for none. */
  readonly max_file_bytes: number;
  /**
   * True when the server runs alone in a bwrap sandbox: after the child exits it SIGKILLs
   * every other process of its PID namespace and waits for them (refused elsewhere).
   */
  readonly clean_sandbox: boolean;
  /** The step's report file (informational; the executor reads it), or null. */
  readonly report_file: string | null;
}

/** One response line for a request that ran. */
export interface ForkResponse {
  readonly id: number;
  readonly exit_code: number | null;
  readonly signal: string | null;
  readonly timed_out: boolean;
  readonly output_limit_exceeded: boolean;
  /** Milliseconds from start to exit. */
  readonly duration_ms: number;
  /**
   * When `timed_out`: CPU time (user + system) in milliseconds of the child and what it waited
   * for (its rusage), optional (servers that cannot measure it leave it out).
   */
  readonly cpu_ms?: number;
  /** Base64 of the last (at most 4096) raw bytes of stdout. */
  readonly stdout_tail: string;
  /** Base64 of the last (at most 4096) raw bytes of stderr. */
  readonly stderr_tail: string;
  readonly stdout_bytes: number;
  readonly stderr_bytes: number;
}

/** A response line, interpreted. */
export type ParsedForkResponse =
  | { readonly kind: 'result'; readonly outcome: StepOutcome }
  | { readonly kind: 'declined'; readonly reason: string }
  | { readonly kind: 'garbage'; readonly reason: string };

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Parses a response line for request `id` of step `name`. Tails are decoded exactly like
 * the tails of a spawned step, so both paths give identical results.
 * Returns `garbage` for anything malformed or for another id; never throws.
 */
export function parseForkResponse(line: string, id: number, name: string): ParsedForkResponse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'garbage', reason: `not JSON: ${line.slice(0, 200)}` };
  }
  if (typeof value !== 'object' || value === null)
    return { kind: 'garbage', reason: 'not an object' };
  const response = value as Partial<Record<keyof ForkResponse | 'error', unknown>>;
  if (response.id !== id)
    return { kind: 'garbage', reason: `expected id ${id}, got ${JSON.stringify(response.id)}` };
  if (typeof response.error === 'string') return { kind: 'declined', reason: response.error };
  const valid =
    (response.exit_code === null || Number.isInteger(response.exit_code)) &&
    (response.signal === null || typeof response.signal === 'string') &&
    typeof response.timed_out === 'boolean' &&
    typeof response.output_limit_exceeded === 'boolean' &&
    typeof response.duration_ms === 'number' &&
    typeof response.stdout_tail === 'string' &&
    typeof response.stderr_tail === 'string' &&
    isCount(response.stdout_bytes) &&
    isCount(response.stderr_bytes) &&
    (response.cpu_ms === undefined ||
      (typeof response.cpu_ms === 'number' && response.cpu_ms >= 0));
  if (!valid) return { kind: 'garbage', reason: `malformed response: ${line.slice(0, 200)}` };
  const stdout = Buffer.from(response.stdout_tail as string, 'base64');
  const stderr = Buffer.from(response.stderr_tail as string, 'base64');
  if (stdout.length > TAIL_BYTES || stderr.length > TAIL_BYTES) {
    return { kind: 'garbage', reason: 'tail longer than 4096 bytes' };
  }
  const stdoutBytes = response.stdout_bytes as number;
  const stderrBytes = response.stderr_bytes as number;
  return {
    kind: 'result',
    outcome: {
      name,
      exitCode: response.exit_code as number | null,
      signal: response.signal as string | null,
      timedOut: response.timed_out as boolean,
      outputLimitExceeded: response.output_limit_exceeded as boolean,
      durationMs: response.duration_ms as number,
      ...(response.timed_out === true && typeof response.cpu_ms === 'number'
        ? { cpuMs: response.cpu_ms }
        : {}),
      stdoutTail: decodeTail(stdout, stdoutBytes > stdout.length),
      stderrTail: decodeTail(stderr, stderrBytes > stderr.length),
      stdoutBytes,
      stderrBytes,
    },
  };
}
