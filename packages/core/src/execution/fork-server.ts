import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { Step } from '../spec/executor.ts';
import type { ExecutorLogger } from './executor-logger.ts';
import { FORK_PROTOCOL, type ForkRequest, parseForkResponse } from './fork-protocol.ts';
import { killGroup } from './kill-group.ts';
import { OutputTail } from './output-tail.ts';
import { BwrapStatus } from './sandbox/bwrap-status.ts';
import { BWRAP_STATUS_FD } from './sandbox/sandbox-argv.ts';
import type { StepLaunch } from './spawn-step.ts';
import type { StepContext, StepOutcome } from './step-outcome.ts';
import { waitForExit } from './wait-for-exit.ts';

/** Extra time a server gets beyond the step's own limit before it counts as hung, in ms. */
export const SERVER_GRACE_MS = 5000;

/** How long a server may take to exit after SIGTERM or closed stdin, in ms. */
const STOP_GRACE_MS = 1000;

/** What became of one request to a warm server. */
export type ForkReply =
  | { readonly kind: 'result'; readonly outcome: StepOutcome }
  /** The server refused the request (it cannot run it identically); it is still usable. */
  | { readonly kind: 'declined'; readonly reason: string }
  /** The server died, hung or answered garbage; it has been killed. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** The request was aborted by its signal; the server has been killed. */
  | { readonly kind: 'aborted' };

/** Options of a {@link ForkServer}. */
export interface ForkServerOptions {
  /** Complete environment of the server process. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * How to start the server process, asked at every (re)start: its command line (the
   * server's argv, possibly wrapped in a sandbox) and host working directory.
   */
  readonly launch: () => StepLaunch;
  /** Receives the server's stderr tail at debug level when it fails. */
  readonly logger?: ExecutorLogger;
}

interface Pending {
  readonly id: number;
  readonly name: string;
  /** Resolves the request now. */
  readonly settle: (reply: ForkReply) => void;
  /** Kills the server and resolves the request once it has exited. */
  readonly fail: (reply: ForkReply) => void;
}

/**
 * One long-lived `passk-fork-v1` server process (see fork-protocol.ts), started lazily on
 * the first request and restarted on the request after a failure. Serves one request at a time.
 */
export class ForkServer {
  /** The command that starts the server. */
  readonly argv: readonly string[];
  private readonly options: ForkServerOptions;
  private process: ChildProcessWithoutNullStreams | undefined;
  private exited: Promise<void> = Promise.resolve();
  private buffer = '';
  private pending: Pending | undefined;
  private nextId = 1;
  private stderr = new OutputTail();
  private status: BwrapStatus | undefined;

  constructor(argv: readonly string[], options: ForkServerOptions) {
    this.argv = argv;
    this.options = options;
  }

  /** True while a server process is running. */
  get running(): boolean {
    return this.process !== undefined;
  }

  /**
   * Runs `step` through the server in `context.workDir`. Never rejects: a broken server
   * yields `failed` (after killing it), an abort yields `aborted`.
   */
  request(step: Step, context: StepContext): Promise<ForkReply> {
    if (this.pending !== undefined) {
      return Promise.resolve({ kind: 'declined', reason: 'server is busy' });
    }
    const server = this.process ?? this.start();
    if (server === undefined) {
      return Promise.resolve({ kind: 'failed', reason: 'server could not be started' });
    }
    const id = this.nextId++;
    const request: ForkRequest = {
      id,
      cwd: context.workDir,
      argv: step.argv,
      timeout_ms: step.timeoutMs,
      max_output_bytes: context.maxOutputBytes,
      max_memory_bytes: context.maxMemoryBytes,
      max_cpu_seconds: context.rlimits.cpuSeconds,
      max_processes: context.rlimits.processes,
      max_file_bytes: context.rlimits.fileBytes,
      clean_sandbox: context.sandboxed,
      report_file: step.reportFile ?? null,
    };
    return new Promise<ForkReply>((resolve) => {
      const hang = setTimeout(() => {
        fail({
          kind: 'failed',
          reason: `no response within ${step.timeoutMs + SERVER_GRACE_MS} ms`,
        });
      }, step.timeoutMs + SERVER_GRACE_MS);
      const onAbort = (): void => fail({ kind: 'aborted' });
      const untrack = context.track(() => fail({ kind: 'failed', reason: 'executor closed' }));
      const cleanUp = (): void => {
        clearTimeout(hang);
        context.signal?.removeEventListener('abort', onAbort);
        untrack();
      };
      const settle = (reply: ForkReply): void => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        cleanUp();
        resolve(reply);
      };
      // Resolve only once the server (and with it the child it forked) is gone, so that a
      // fallback run in the same work directory cannot race with it.
      const fail = (reply: ForkReply): void => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        cleanUp();
        const exited = this.exited;
        this.kill();
        const bound = setTimeout(() => resolve(reply), 2 * STOP_GRACE_MS);
        void exited.then(() => {
          clearTimeout(bound);
          resolve(reply);
        });
      };
      this.pending = { id, name: step.name, settle, fail };
      if (context.signal?.aborted) {
        fail({ kind: 'aborted' });
        return;
      }
      context.signal?.addEventListener('abort', onAbort, { once: true });
      server.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  /**
   * Kills the server at once: SIGKILL to its process group when it is sandboxed (nsenter and
   * bwrap; the sandbox's PID namespace ends with bwrap), else SIGTERM (the server then kills
   * its running child's process group and exits); then SIGKILL to its process group if it is
   * still alive after 1 s.
   */
  kill(): void {
    const server = this.process;
    if (server === undefined) return;
    this.detach(server, 'killed');
    try {
      // A sandboxed server ends with bwrap (its sandbox dies with it); a plain one is asked to
      // kill its running child first.
      if (this.status !== undefined) killGroup(server.pid);
      else server.kill('SIGTERM');
    } catch {
      // already gone
    }
    const force = setTimeout(() => killGroup(server.pid), STOP_GRACE_MS);
    force.unref();
    void this.exited.then(() => {
      clearTimeout(force);
      killGroup(server.pid);
    });
  }

  /** Stops the server gracefully (closes its stdin), killing it if it does not exit in 1 s. */
  async stop(): Promise<void> {
    const server = this.process;
    if (server === undefined) return this.exited;
    if (this.pending !== undefined) {
      this.kill();
      return this.exited;
    }
    server.stdin.end();
    const timer = setTimeout(() => this.kill(), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
    killGroup(server.pid);
  }

  private start(): ChildProcessWithoutNullStreams | undefined {
    let launch: StepLaunch;
    try {
      launch = this.options.launch();
    } catch (error) {
      this.options.logger?.warn(`step server could not be prepared: ${String(error)}`);
      return undefined;
    }
    const [command, ...args] = launch.argv;
    if (command === undefined) return undefined;
    let server: ChildProcessWithoutNullStreams;
    try {
      server = spawn(command, args, {
        cwd: launch.cwd,
        env: this.options.env,
        detached: true,
        stdio: launch.sandboxed ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
      }) as ChildProcessWithoutNullStreams;
    } catch (error) {
      this.options.logger?.warn(`step server ${command} could not be started: ${String(error)}`);
      return undefined;
    }
    this.process = server;
    this.buffer = '';
    this.stderr = new OutputTail();
    const status = launch.sandboxed ? new BwrapStatus() : undefined;
    this.status = status;
    if (status !== undefined) {
      const stream = server.stdio[BWRAP_STATUS_FD] as NodeJS.ReadableStream | null;
      stream?.on('data', (chunk: Buffer) => status.push(chunk));
    }
    this.exited = new Promise((resolve) => {
      server.once('close', () => {
        // A sandboxed server is gone only when its sandbox's first process is.
        const sandboxPid = status?.childPid;
        if (sandboxPid === undefined) resolve();
        else {
          void waitForExit(sandboxPid, 2 * STOP_GRACE_MS, launch.procRoot).then(() => resolve());
        }
      });
      server.once('error', () => {
        if (server.pid === undefined) resolve();
      });
    });
    server.stdin.on('error', () => this.detach(server, 'stdin closed'));
    server.stdout.setEncoding('utf8');
    server.stdout.on('data', (chunk: string) => this.receive(server, chunk));
    server.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    server.on('error', (error) => this.detach(server, `failed to start: ${error.message}`));
    server.on('exit', (code, signal) => {
      this.detach(server, `exited (code ${code}, signal ${signal})`);
      killGroup(server.pid);
    });
    return server;
  }

  private receive(server: ChildProcessWithoutNullStreams, chunk: string): void {
    if (server !== this.process) return;
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const pending = this.pending;
      if (pending === undefined) {
        this.options.logger?.warn(`step server sent unexpected output: ${line.slice(0, 200)}`);
        this.kill();
        return;
      }
      const parsed = parseForkResponse(line, pending.id, pending.name);
      if (parsed.kind === 'garbage') {
        this.logStderr();
        pending.fail({ kind: 'failed', reason: parsed.reason });
        return;
      }
      pending.settle(
        parsed.kind === 'declined' ? parsed : { kind: 'result', outcome: parsed.outcome },
      );
      newline = this.buffer.indexOf('\n');
    }
  }

  /** Forgets `server` as the current process and fails the request in flight. */
  private detach(server: ChildProcessWithoutNullStreams, reason: string): void {
    if (server !== this.process) return;
    this.process = undefined;
    if (this.pending !== undefined) {
      this.logStderr();
      this.pending.settle({ kind: 'failed', reason: `server ${reason}` });
    }
  }

  private logStderr(): void {
    const tail = this.stderr.text();
    if (tail !== '') this.options.logger?.debug?.(`step server ${FORK_PROTOCOL} stderr: ${tail}`);
  }
}
