import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Step } from '../spec/executor.ts';
import { killGroup } from './kill-group.ts';
import { OutputTail } from './output-tail.ts';
import { killPipeHolders, outputEnds } from './pipe-holders.ts';
import { processTreeCpuMs } from './process-tree-cpu.ts';
import { BwrapStatus } from './sandbox/bwrap-status.ts';
import { BWRAP_STATUS_FD } from './sandbox/sandbox-argv.ts';
import { splitExitStatus } from './signal-name.ts';
import type { StepContext, StepOutcome } from './step-outcome.ts';
import { waitForExit } from './wait-for-exit.ts';

/**
 * How long stdout and stderr may stay open after the main process exited before the processes
 * still holding them are killed (see `killPipeHolders`), in ms.
 */
const PIPE_HOLDER_GRACE_MS = 50;

/** How long to wait for stdout/stderr to close after the main process exited, in ms. */
const STREAM_CLOSE_GRACE_MS = 1000;

/** How long to wait for a sandbox's PID namespace to end after bwrap exited, in ms. */
const SANDBOX_EXIT_WAIT_MS = 2000;

/** How a step's process is started. */
export interface StepLaunch {
  /** The complete command line (the step's argv, wrapped in `prlimit` and maybe a sandbox). */
  readonly argv: readonly string[];
  /** Host directory the process starts in. */
  readonly cwd: string;
  /**
   * True when `argv` starts a bwrap sandbox that reports on fd 3 (see `BwrapStatus`): the exit
   * status is taken from bwrap's report, a sandbox that never started the command yields
   * `infraError`, and a kill goes to the sandbox's first process, which ends every process in
   * the sandbox's PID namespace.
   */
  readonly sandboxed: boolean;
  /**
   * For a sandbox started inside a work area's PID namespace: the host path of that
   * namespace's `/proc`, where the pid bwrap reports can be looked up.
   */
  readonly procRoot?: string;
}

/**
 * Runs one step as a new process group with stdin on /dev/null and the context's
 * environment. Everything the step started is SIGKILLed when it times out, when stdout or
 * stderr passes `maxOutputBytes`, when `signal` aborts, and always once the main process has
 * exited (a sandbox ends its whole PID namespace; otherwise the process group is killed).
 *
 * The step ends when its main process exits, not when its output pipes close: whatever still
 * holds stdout or stderr open then (a `setsid` daemon outside the process group, which no
 * sandbox ended) is found by the pipe it holds and killed, every 50 ms until the pipes close;
 * the output written until then is collected (waiting at most 1 s for the pipes to close).
 *
 * A step killed at its time limit reports the CPU time its process tree had used (`cpuMs`).
 *
 * Returns the outcome; never rejects. A command that cannot be started yields `spawnError`.
 */
export function spawnStep(
  step: Step,
  context: StepContext,
  launch: StepLaunch,
): Promise<StepOutcome> {
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;

  return new Promise((resolvePromise) => {
    const stdout = new OutputTail();
    const stderr = new OutputTail();
    const status = new BwrapStatus();
    let timedOut = false;
    let cpuMs: number | undefined;
    let outputLimitExceeded = false;
    let killed = false;
    let exit: { code: number | null; signal: string | null; durationMs: number } | undefined;
    let settled = false;

    const [command, ...args] = launch.argv;
    const child = spawn(command as string, args, {
      cwd: launch.cwd,
      env: context.env,
      detached: true,
      stdio: launch.sandboxed ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    });
    // `spawn` returns once the command runs: its stdout and stderr are the step's ends.
    const pipes = outputEnds(child.pid);
    if (launch.sandboxed) {
      const statusStream = child.stdio[BWRAP_STATUS_FD] as NodeJS.ReadableStream | null;
      statusStream?.on('data', (chunk: Buffer) => status.push(chunk));
    }
    // Killing nsenter and bwrap (one process group) ends the sandbox: its first process dies
    // with bwrap (--die-with-parent), and with it the sandbox's whole PID namespace.
    const kill = (): void => {
      killed = true;
      killGroup(child.pid);
    };
    const untrack = context.track(kill);
    const timer = setTimeout(() => {
      if (exit === undefined) {
        timedOut = true;
        // What the program used before it is killed: a busy loop, or waiting (see `cpuMs`).
        if (child.pid !== undefined) cpuMs = processTreeCpuMs(child.pid);
        kill();
      }
    }, step.timeoutMs);
    const onAbort = (): void => kill();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    let graceTimer: NodeJS.Timeout | undefined;
    let holderTimer: NodeJS.Timeout | undefined;

    const finish = (outcome: StepOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      clearInterval(holderTimer);
      context.signal?.removeEventListener('abort', onAbort);
      untrack();
      resolvePromise(outcome);
    };

    const watch = (stream: NodeJS.ReadableStream, tail: OutputTail): void => {
      stream.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (tail.bytes > context.maxOutputBytes && !outputLimitExceeded && exit === undefined) {
          outputLimitExceeded = true;
          kill();
        }
      });
    };
    watch(child.stdout as NodeJS.ReadableStream, stdout);
    watch(child.stderr as NodeJS.ReadableStream, stderr);

    child.on('error', (error) => {
      if (child.pid === undefined) {
        finish({
          name: step.name,
          exitCode: null,
          signal: null,
          timedOut: false,
          outputLimitExceeded: false,
          durationMs: elapsed(),
          stdoutTail: '',
          stderrTail: '',
          stdoutBytes: 0,
          stderrBytes: 0,
          spawnError: error.message,
        });
      }
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal, durationMs: elapsed() };
      killGroup(child.pid);
      // Descendants outside the process group (a setsid daemon) may still hold the pipes.
      // Repeated until the pipes close: a holder may fork between a scan and its kill.
      holderTimer = setInterval(() => killPipeHolders(pipes), PIPE_HOLDER_GRACE_MS);
      graceTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        complete();
      }, STREAM_CLOSE_GRACE_MS);
    });
    let completing = false;
    const complete = (): void => {
      if (exit === undefined || completing) return;
      completing = true;
      clearInterval(holderTimer);
      const sandboxPid = status.childPid;
      // bwrap may exit before the kernel has ended the rest of the sandbox: wait for it.
      if (launch.sandboxed && sandboxPid !== undefined) {
        void waitForExit(sandboxPid, SANDBOX_EXIT_WAIT_MS, launch.procRoot).then(report);
      } else report();
    };
    const report = (): void => {
      if (exit === undefined) return;
      let exitCode = exit.code;
      let signal = exit.signal;
      let infraError: string | undefined;
      if (launch.sandboxed) {
        const reported = status.exitCode;
        if (reported !== undefined) ({ exitCode, signal } = splitExitStatus(reported));
        else if (!killed) {
          const reason = stderr
            .text()
            .split('\n')
            .filter((line) => line.startsWith('bwrap:') || line.startsWith('nsenter:'))
            .join('; ');
          infraError = `the sandbox could not start the command${reason ? `: ${reason}` : ` (exit code ${exit.code}, signal ${exit.signal})`}`;
        }
      }
      finish({
        name: step.name,
        exitCode,
        signal,
        timedOut,
        outputLimitExceeded,
        durationMs: exit.durationMs,
        ...(cpuMs === undefined ? {} : { cpuMs }),
        stdoutTail: stdout.text(),
        stderrTail: stderr.text(),
        stdoutBytes: stdout.bytes,
        stderrBytes: stderr.bytes,
        ...(infraError === undefined ? {} : { infraError }),
      });
    };
    child.on('close', complete);
  });
}
