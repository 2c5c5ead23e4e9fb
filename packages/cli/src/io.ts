import type { Registry } from '@passk/core';
/** Where a command writes, and what it knows of its environment; injected for tests. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl-C / SIGTERM. */
  readonly signal: AbortSignal;
}

/**
 * A subcommand: parses its arguments (`UsageError` on a bad one), does its work and returns
 * the exit code (0 done, 1 failed, 2 bad input).
 */
export type Command = (
  argv: readonly string[],
  registry: Registry,
  io: CommandIo,
) => Promise<number>;

/** Writes a line to stderr (logs and progress never go to stdout). */
export function log(io: CommandIo, message: string): void {
  io.stderr.write(`${message}\n`);
}
