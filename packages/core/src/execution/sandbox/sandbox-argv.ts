import { dirname } from 'node:path';
import type { StepMount } from '../../spec/executor.ts';
import { prlimitOptions, type StepRlimits } from './resource-limits.ts';
import type { SandboxTools } from './sandbox-tools.ts';
import { SYSTEM_DIRECTORIES } from './system-mounts.ts';

/** What every sandbox of one executor shares. */
export interface SandboxLayout {
  readonly tools: SandboxTools;
  /** bwrap arguments for the system directories and `/etc` (see `systemMountArgs`). */
  readonly systemArgs: readonly string[];
  /** True when passk runs as root: bwrap mounts as root, then the command drops to `uid`. */
  readonly privileged: boolean;
}

/** A directory shown inside the sandbox at `target`. */
export interface SandboxBind {
  readonly source: string;
  readonly target: string;
  readonly writable: boolean;
}

/** One command to run in a sandbox. */
export interface SandboxCommand {
  /** Prefix that enters the slot's work-area namespace (`WorkArea.enterArgs()`). */
  readonly enter: readonly string[];
  /** Directory (in the work area) shown as `/tmp` and `/dev/shm`, writable. */
  readonly tmp: string;
  /** The step's own host paths (toolchains), mounted at the same path. */
  readonly mounts: readonly StepMount[];
  /** Work directories (in the work area), mounted last. */
  readonly binds: readonly SandboxBind[];
  /** Working directory inside the sandbox. */
  readonly cwd: string;
  /** When privileged: the host uid (= gid) the command runs as. */
  readonly uid?: number;
  /**
   * When privileged: a supplementary group the command keeps, with umask 002, so that files it
   * creates in the group's shared writable mounts stay writable for every slot (see
   * `shareWritableMount`). Only for steps with writable mounts; never for model code.
   */
  readonly sharedGid?: number;
  readonly rlimits: StepRlimits;
  readonly argv: readonly string[];
}

/** The file descriptor on which bwrap writes its JSON status (see `BwrapStatus`). */
export const BWRAP_STATUS_FD = 3;

/**
 * The full command line of a sandboxed command:
 *
 * `nsenter <work area> -- bwrap <namespaces> <mounts> -- [setpriv <uid> -- unshare --user --]
 *  prlimit <limits> -- <argv>`
 *
 * (the executor puts `lifelineArgs` in front). bwrap gives the command new user (unless
 * privileged), PID, network, IPC, UTS and cgroup
 * namespaces, a read-only root with the system directories read-only, a fresh `/proc`, a
 * minimal read-only `/dev`, the work area's `tmp` as `/tmp` and `/dev/shm`, then the step's
 * mounts and the binds, `--die-with-parent` and a new session. As root, bwrap can mount toolchains that only
 * root can reach (`/root/.cargo`); `setpriv` then drops to the slot's uid, and `unshare --user`
 * puts that uid in its own user namespace so RLIMIT_NPROC counts this sandbox's processes
 * only (Linux >= 5.14). `prlimit` applies the limits last, inside the namespaces. A command
 * with a `sharedGid` keeps that group and runs with umask 002 (through `/bin/sh`).
 */
export function sandboxArgv(layout: SandboxLayout, command: SandboxCommand): string[] {
  const { tools } = layout;
  const args = [
    ...command.enter,
    tools.bwrap,
    ...(layout.privileged ? [] : ['--unshare-user']),
    '--unshare-pid',
    '--unshare-net',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--hostname',
    'passk',
    '--die-with-parent',
    '--new-session',
    ...layout.systemArgs,
    '--proc',
    '/proc',
    '--dev',
    '/dev',
  ];
  args.push('--bind', command.tmp, '/tmp', '--bind', command.tmp, '/dev/shm');
  const targets = [
    ...command.mounts.map((mount) => mount.path),
    ...command.binds.map((bind) => bind.target),
  ];
  args.push(...parentDirectoryArgs(targets));
  for (const mount of command.mounts) {
    args.push(mount.writable ? '--bind' : '--ro-bind', mount.path, mount.path);
  }
  for (const bind of command.binds) {
    args.push(bind.writable ? '--bind' : '--ro-bind', bind.source, bind.target);
  }
  args.push(
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    '--chdir',
    command.cwd,
    '--json-status-fd',
    String(BWRAP_STATUS_FD),
    '--',
  );
  if (layout.privileged && command.uid !== undefined) {
    args.push(
      tools.setpriv,
      `--reuid=${command.uid}`,
      `--regid=${command.uid}`,
      command.sharedGid === undefined ? '--clear-groups' : `--groups=${command.sharedGid}`,
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--no-new-privs',
      '--',
      tools.unshare,
      '--user',
      '--map-current-user',
      '--',
    );
  }
  args.push(tools.prlimit, ...prlimitOptions(command.rlimits), '--');
  if (layout.privileged && command.uid !== undefined && command.sharedGid !== undefined) {
    args.push('/bin/sh', '-c', 'umask 002 && exec "$0" "$@"');
  }
  args.push(...command.argv);
  return args;
}

/** Directories the sandbox itself provides (binds and special file systems). */
const SANDBOX_MADE = new Set(['/tmp', '/dev', '/dev/shm', '/proc']);

/**
 * `--perms 0755 --dir` for every ancestor of `targets` that bwrap would otherwise create with
 * mode 0700 (unreachable for the sandbox's uid when passk runs as root). Ancestors inside the
 * system directories already exist and are skipped.
 */
function parentDirectoryArgs(targets: readonly string[]): string[] {
  const parents = new Set<string>();
  for (const target of targets) {
    for (let parent = dirname(target); parent !== '/'; parent = dirname(parent)) {
      const system = SYSTEM_DIRECTORIES.some(
        (directory) => parent === directory || parent.startsWith(`${directory}/`),
      );
      if (!system && !SANDBOX_MADE.has(parent)) parents.add(parent);
    }
  }
  return [...parents]
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .flatMap((parent) => ['--perms', '0755', '--dir', parent]);
}
