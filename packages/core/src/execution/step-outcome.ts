import type { StepResult } from '../spec/executor.ts';
import type { StepRlimits } from './sandbox/resource-limits.ts';

/** A step result before its report file was read. */
export type StepOutcome = Omit<StepResult, 'report'>;

/** What running a step needs besides the step itself. */
export interface StepContext {
  /** Work directory as the step sees it: its cwd (inside the sandbox, when there is one). */
  readonly workDir: string;
  /** Complete environment of the step. */
  readonly env: Readonly<Record<string, string>>;
  /** Bytes of stdout and of stderr allowed before the step is killed. */
  readonly maxOutputBytes: number;
  /** Address-space limit in bytes, 0 for none. */
  readonly maxMemoryBytes: number;
  /** The rlimits the step's processes run under. */
  readonly rlimits: StepRlimits;
  /** True when the step runs in a sandbox of its own (a warm server then cleans it up). */
  readonly sandboxed: boolean;
  /** Aborts the step (kills its process group). */
  readonly signal?: AbortSignal;
  /**
   * Called with a function that kills the step's processes while they run; returns the
   * function to call once they have ended. Lets the executor kill everything on `close()`.
   */
  readonly track: (kill: () => void) => () => void;
}

/** The outcome of a step that could not be started (e.g. the command does not exist). */
export function spawnFailure(name: string, message: string, durationMs: number): StepOutcome {
  return {
    name,
    exitCode: null,
    signal: null,
    timedOut: false,
    outputLimitExceeded: false,
    durationMs,
    stdoutTail: '',
    stderrTail: '',
    stdoutBytes: 0,
    stderrBytes: 0,
    spawnError: message,
  };
}

/**
 * True when the steps after this one should not run: it could not start, exited non-zero,
 * was killed by a signal, timed out, produced too much output or met an infrastructure fault.
 */
export function stepFailed(result: StepOutcome): boolean {
  return (
    result.spawnError !== undefined ||
    result.infraError !== undefined ||
    result.exitCode !== 0 ||
    result.signal !== null ||
    result.timedOut ||
    result.outputLimitExceeded
  );
}
