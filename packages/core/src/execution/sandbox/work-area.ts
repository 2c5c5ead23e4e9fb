import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { ExecutorError } from '../../errors/executor-error.ts';
import { OutputTail } from '../output-tail.ts';
import { BwrapStatus } from './bwrap-status.ts';
import { lifelineArgs } from './lifeline.ts';
import type { SandboxTools } from './sandbox-tools.ts';

/** How long a holder may take to report that it runs, in ms. */
const START_TIMEOUT_MS = 10_000;

/** How long bwrap may take to exit after its namespace process was killed, in ms. */
const HOLDER_EXIT_GRACE_MS = 100;

/** Options of {@link WorkArea.start}. */
export interface WorkAreaOptions {
  readonly tools: SandboxTools;
  /**
   * Absolute path of an existing empty host directory; inside the area's mount namespace a
   * tmpfs of `sizeBytes` is mounted on it.
   */
  readonly root: string;
  /** Size of the tmpfs in bytes: everything the slot's programs can write, in total. */
  readonly sizeBytes: number;
  /** True when passk runs as root (the holder needs no user namespace to mount). */
  readonly privileged: boolean;
}

/**
 * The writable area of one pool slot: a size-bounded tmpfs that exists only inside a private
 * mount namespace kept alive by a "holder" process (`bwrap --unshare-pid --dev-bind / /
 * --proc /proc --tmpfs <root> sleep infinity`, tied to passk's life by `lifelineArgs` and
 * `--die-with-parent`). Sandboxes of the slot are started inside the holder's mount and PID
 * namespaces (`nsenter`): their work directories and `/tmp` live in the tmpfs, so a disk
 * filler meets `ENOSPC` instead of filling the host, and their own PID namespaces are nested
 * in the holder's, so when the holder ends (on `stop()`, or when passk dies, even in the
 * instant a sandbox is being set up) the kernel ends every process of the slot, and the
 * tmpfs with everything in it disappears: nothing is left on the host. passk reaches the
 * files through `/proc/<holder>/root`, and the slot's processes through the holder's own
 * `/proc` (`procRoot`), whose pids are those bwrap reports for sandboxes.
 */
export class WorkArea {
  /** The area's path inside its namespace (and in every sandbox of the slot). */
  readonly root: string;
  /** Host pid of the holder's namespace process. */
  readonly pid: number;
  private readonly tools: SandboxTools;
  private readonly privileged: boolean;
  private readonly holder: ChildProcess;
  private readonly exited: Promise<void>;
  private ended = false;

  private constructor(
    options: WorkAreaOptions,
    pid: number,
    holder: ChildProcess,
    exited: Promise<void>,
  ) {
    this.root = options.root;
    this.tools = options.tools;
    this.privileged = options.privileged;
    this.pid = pid;
    this.holder = holder;
    this.exited = exited;
    void exited.then(() => {
      this.ended = true;
    });
  }

  /**
   * Starts the holder and resolves once the tmpfs is mounted.
   * @throws ExecutorError when the holder cannot start (its stderr is in the message).
   */
  static start(options: WorkAreaOptions): Promise<WorkArea> {
    const [command, ...prefix] = lifelineArgs(options.tools);
    const holder = spawn(
      command as string,
      [
        ...prefix,
        options.tools.bwrap,
        '--unshare-pid',
        '--dev-bind',
        '/',
        '/',
        '--proc',
        '/proc',
        '--perms',
        '0755',
        '--size',
        String(options.sizeBytes),
        '--tmpfs',
        options.root,
        '--die-with-parent',
        '--info-fd',
        '3',
        '--',
        options.tools.sleep,
        'infinity',
      ],
      {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
      },
    );
    const status = new BwrapStatus();
    const stderr = new OutputTail();
    const exited = new Promise<void>((resolve) => {
      holder.once('close', () => resolve());
      holder.once('error', () => resolve());
    });
    return new Promise<WorkArea>((resolve, reject) => {
      let settled = false;
      const fail = (reason: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void endHolder(holder, status.childPid, exited);
        reject(
          new ExecutorError({
            message: `cannot start the sandbox work area at ${options.root}: ${reason}${stderr.text() ? ` (${stderr.text().trim()})` : ''}`,
          }),
        );
      };
      const timer = setTimeout(() => fail('no answer from bwrap'), START_TIMEOUT_MS);
      holder.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      holder.once('error', (error) => fail(error.message));
      holder.once('exit', (code, signal) => fail(`bwrap exited (code ${code}, signal ${signal})`));
      const info = holder.stdio[3] as NodeJS.ReadableStream | null;
      let polling = false;
      info?.on('data', (chunk: Buffer) => {
        status.push(chunk);
        const pid = status.childPid;
        if (pid === undefined || settled || polling) return;
        polling = true;
        // bwrap reports the pid right after cloning, before it mounts: wait until the path
        // seen through the holder is on another device than the host directory.
        const hostDevice = statSync(options.root).dev;
        const poll = (): void => {
          if (settled) return;
          if ((deviceOf(`/proc/${pid}/root${options.root}`) ?? hostDevice) === hostDevice) {
            setTimeout(poll, 2);
            return;
          }
          settled = true;
          clearTimeout(timer);
          holder.unref();
          for (const stream of [holder.stderr, info]) (stream as { unref?: () => void })?.unref?.();
          resolve(new WorkArea(options, pid, holder, exited));
        };
        poll();
      });
    });
  }

  /** True while the holder (and with it the tmpfs) exists. */
  get alive(): boolean {
    return !this.ended && existsSync(`/proc/${this.pid}/root${this.root}`);
  }

  /** The host path through which passk reaches `path` (a path inside the area). */
  hostPath(path: string): string {
    return `/proc/${this.pid}/root${path}`;
  }

  /**
   * The command prefix that runs a program inside the area's mount and PID (and user)
   * namespaces; nsenter forks to enter the PID namespace and exits with its child's status.
   */
  enterArgs(): string[] {
    return [
      this.tools.nsenter,
      ...(this.privileged ? [] : [`--user=/proc/${this.pid}/ns/user`, '--preserve-credentials']),
      `--mount=/proc/${this.pid}/ns/mnt`,
      `--pid=/proc/${this.pid}/ns/pid`,
      '--',
    ];
  }

  /** The host path of the area's own `/proc` (pids as seen inside the area's PID namespace). */
  get procRoot(): string {
    return this.hostPath('/proc');
  }

  /** Ends the holder; the tmpfs and everything in it disappear. Never rejects. */
  stop(): Promise<void> {
    if (this.ended) return this.exited;
    // Referenced again while it ends: otherwise Node could exit with the stop still pending.
    this.holder.ref();
    for (const stream of [this.holder.stderr, this.holder.stdio[3]]) {
      (stream as { ref?: () => void } | null)?.ref?.();
    }
    return endHolder(this.holder, this.pid, this.exited);
  }
}

/**
 * SIGKILLs the holder's namespace process (so that bwrap reaps it and exits), then bwrap's
 * process group if it is still there after {@link HOLDER_EXIT_GRACE_MS}. Resolves once bwrap
 * has exited.
 *
 * bwrap is not waited for longer: the kernel kills every process of the namespace at once, but
 * ends the namespace (and bwrap's child with it) only when each of them has been reaped, and a
 * sandbox's bwrap killed together with its `nsenter` is re-parented to the host's init, which
 * may reap it late (about a second under some VM inits). Nothing runs in the namespace then;
 * it goes away with that last reap, bwrap or not.
 */
async function endHolder(
  holder: ChildProcess,
  childPid: number | undefined,
  exited: Promise<void>,
): Promise<void> {
  const killGroup = (): void => {
    try {
      if (holder.pid !== undefined) process.kill(-holder.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  };
  if (childPid === undefined) killGroup();
  else {
    try {
      process.kill(childPid, 'SIGKILL');
    } catch {
      killGroup();
    }
  }
  let gone = false;
  const timer = setTimeout(() => {
    if (!gone) killGroup();
  }, HOLDER_EXIT_GRACE_MS);
  await exited;
  gone = true;
  clearTimeout(timer);
}

function deviceOf(path: string): number | undefined {
  try {
    return statSync(path).dev;
  } catch {
    return undefined;
  }
}
