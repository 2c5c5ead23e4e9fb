import { constants } from 'node:os';

const NAMES = new Map<number, string>(
  Object.entries(constants.signals).map(([name, number]) => [number, name]),
);

/** The name of signal `number` (`SIGKILL` for 9), or `SIG<number>` when unknown. */
export function signalName(number: number): string {
  return NAMES.get(number) ?? `SIG${number}`;
}

/**
 * Splits a shell-style exit status into exit code and signal: bwrap reports a command killed
 * by signal n as exit status 128 + n (like a shell), so inside the sandbox a program that
 * calls `exit(128 + n)` is indistinguishable from one killed by signal n.
 */
export function splitExitStatus(status: number): {
  readonly exitCode: number | null;
  readonly signal: string | null;
} {
  if (status > 128 && status < 128 + 65)
    return { exitCode: null, signal: signalName(status - 128) };
  return { exitCode: status, signal: null };
}
