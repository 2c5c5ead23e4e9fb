/** Where a command writes, and what it knows of its environment; injected for tests. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl-C / SIGTERM. */
  readonly signal: AbortSignal;
}

/** Writes a line to stderr (logs and progress never go to stdout). */
export function log(io: CommandIo, message: string): void {
  io.stderr.write(`${message}\n`);
}
