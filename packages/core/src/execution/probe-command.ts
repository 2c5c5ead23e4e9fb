import { execFile } from 'node:child_process';

/**
 * Default time limit of a probe: 60 s. Loading a runtime's libraries (`racket -l rackunit`,
 * a JVM) takes seconds on a busy machine, and a probe that timed out would report an
 * installed toolchain as missing: its samples would become `toolchain_missing`.
 */
export const PROBE_TIMEOUT_MS = 60_000;

/** What a toolchain probe printed. */
export interface ProbeResult {
  /** Exit code, or null when the command could not start, timed out or was killed. */
  readonly exitCode: number | null;
  /** Standard output, UTF-8. */
  readonly stdout: string;
  /** Standard error, UTF-8. */
  readonly stderr: string;
  /** Why the command could not run to completion (not found, timed out), if it could not. */
  readonly error?: string;
}

/** Options of {@link probeCommand}. */
export interface ProbeOptions {
  /**
   * Wall-clock limit in milliseconds (default {@link PROBE_TIMEOUT_MS}): a bound for a hung
   * toolchain, not a speed requirement.
   */
  readonly timeoutMs?: number;
  /** Environment (default: the current process's, so `PATH` lookups match the user's shell). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs a trusted toolchain command (e.g. `python3 --version`) for language detection and
 * returns what it printed; output beyond 1 MiB is an error. Never rejects. Not for programs
 * under test: those go through an `Executor`.
 */
export function probeCommand(
  argv: readonly string[],
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const [command, ...args] = argv;
  if (command === undefined) {
    return Promise.resolve({ exitCode: null, stdout: '', stderr: '', error: 'empty command' });
  }
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        timeout: options.timeoutMs ?? PROBE_TIMEOUT_MS,
        env: options.env ?? process.env,
        maxBuffer: 1024 * 1024,
        encoding: 'utf8',
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr });
          return;
        }
        const code = typeof error.code === 'number' ? error.code : null;
        resolve({
          exitCode: code,
          stdout,
          stderr,
          ...(code === null ? { error: error.message } : {}),
        });
      },
    );
  });
}
