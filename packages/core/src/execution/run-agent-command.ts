import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { killGroup } from './kill-group.ts';
import { OutputTail } from './output-tail.ts';

/** How long output is still read after the agent program exited, in ms. */
const STREAM_GRACE_MS = 500;

/** How `runAgentCommand` runs a user's agent program. */
export interface AgentCommandLaunch {
  /** Path of the executable (run with no arguments). */
  readonly executable: string;
  /** Directory it starts in (the attempt's fresh directory). */
  readonly cwd: string;
  /** Its whole environment. */
  readonly env: NodeJS.ProcessEnv;
  /** Wall-clock limit in milliseconds; the process group is killed at it. */
  readonly timeoutMs: number;
  /** Kills the process group when aborted. */
  readonly signal?: AbortSignal;
}

/** How an agent program ended. */
export interface AgentCommandOutcome {
  /** Exit code, or null when it was killed by a signal or could not start. */
  readonly exitCode: number | null;
  /** The signal that ended it (`SIGKILL` after a timeout or an abort), or null. */
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** Why it could not be started (not found, not executable), if it could not. */
  readonly spawnError?: string;
  /** The last 4 KiB of stdout and stderr. */
  readonly stdoutTail: string;
  readonly stderrTail: string;
  readonly durationMs: number;
}

/**
 * Runs a user's agent program (`--model command:<executable>`) outside the sandbox: it is the
 * user's own trusted program and may need the network to reach its model. It runs as a new
 * process group with stdin on /dev/null; the whole group is SIGKILLed at the time limit, on
 * abort, and once the main process has exited (nothing it started outlives the attempt).
 * Never rejects.
 */
export function runAgentCommand(launch: AgentCommandLaunch): Promise<AgentCommandOutcome> {
  const started = performance.now();
  const stdout = new OutputTail();
  const stderr = new OutputTail();
  let timedOut = false;
  let aborted = false;
  return new Promise((resolve) => {
    const child = spawn(launch.executable, [], {
      cwd: launch.cwd,
      env: launch.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let done = false;
    const finish = (outcome: Pick<AgentCommandOutcome, 'exitCode' | 'signal' | 'spawnError'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      launch.signal?.removeEventListener('abort', onAbort);
      killGroup(child.pid);
      resolve({
        ...outcome,
        timedOut,
        aborted,
        stdoutTail: stdout.text(),
        stderrTail: stderr.text(),
        durationMs: Math.round(performance.now() - started),
      });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, launch.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup(child.pid);
    };
    if (launch.signal?.aborted) onAbort();
    else launch.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      finish({ exitCode: null, signal: null, spawnError: error.message }),
    );
    // The attempt ends when the main process exits: the group is killed, and output still in
    // the pipes is read for at most STREAM_GRACE_MS (a process holding them is not waited for).
    child.on('exit', (code, signal) => {
      killGroup(child.pid);
      const end = () => finish({ exitCode: code, signal });
      const grace = setTimeout(end, STREAM_GRACE_MS);
      child.on('close', () => {
        clearTimeout(grace);
        end();
      });
    });
  });
}
