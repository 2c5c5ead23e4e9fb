import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { killGroup } from './kill-group.ts';
import { OutputTail } from './output-tail.ts';

/** How long output is still read after the agent program exited, in ms. */
const STREAM_GRACE_MS = 500;

/** util-linux's `setpriv`, which sets the parent-death signal of the program it runs. */
const SETPRIV = '/usr/bin/setpriv';

/**
 * The launcher (`/bin/sh -c`, the program's path as `$0`), leader of the attempt's process
 * group: a watchdog in the group reads its stdin, a pipe only passk holds open, and kills the
 * group once the pipe closes (passk exited, even by SIGKILL); then the program replaces the
 * launcher (same pid, passk its parent) under `setpriv --pdeathsig KILL` where setpriv exists,
 * with stdin on /dev/null. Shell builtins only: the program's PATH may be anything.
 */
const LAUNCHER = [
  // An asynchronous list's stdin is /dev/null unless redirected: the pipe goes as fd 3.
  'exec 3<&0',
  '(while read -r _ <&3; do :; done; kill -9 0) </dev/null >/dev/null 2>&1 &',
  'exec 3<&-',
  `if [ -x ${SETPRIV} ]; then exec ${SETPRIV} --pdeathsig KILL -- "$0" </dev/null; fi`,
  'exec "$0" </dev/null',
].join('\n');

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
 * abort, and once the main process has exited (nothing it started outlives the attempt). If
 * passk itself dies (even `kill -9`), the program gets SIGKILL (`setpriv --pdeathsig`) and a
 * watchdog kills the rest of its group (see {@link LAUNCHER}). Never rejects.
 */
export function runAgentCommand(launch: AgentCommandLaunch): Promise<AgentCommandOutcome> {
  const started = performance.now();
  const stdout = new OutputTail();
  const stderr = new OutputTail();
  let timedOut = false;
  let aborted = false;
  return new Promise((resolve) => {
    try {
      // What spawning it directly would say (the launcher would only exit 126 or 127).
      accessSync(launch.executable, constants.X_OK);
    } catch (error) {
      resolve({
        exitCode: null,
        signal: null,
        spawnError: (error as Error).message,
        timedOut,
        aborted,
        stdoutTail: '',
        stderrTail: '',
        durationMs: Math.round(performance.now() - started),
      });
      return;
    }
    const child = spawn('/bin/sh', ['-c', LAUNCHER, launch.executable], {
      cwd: launch.cwd,
      env: launch.env,
      detached: true,
      // stdin: the watchdog's pipe, never written; it closes when passk exits.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.on('error', () => {});
    let done = false;
    const finish = (outcome: Pick<AgentCommandOutcome, 'exitCode' | 'signal' | 'spawnError'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      launch.signal?.removeEventListener('abort', onAbort);
      killGroup(child.pid);
      child.stdin.destroy();
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
