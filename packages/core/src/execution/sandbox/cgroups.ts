import { accessSync, constants, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDirectory } from '../../io/list-directory.ts';
import { processExited } from '../process-exited.ts';

/** Where passk may create cgroups with the memory and pids controllers. */
export interface CgroupParents {
  /** 1 for the legacy hierarchy (one mount per controller), 2 for the unified one. */
  readonly version: 1 | 2;
  /** Directory under which memory cgroups are created (v2: the same as `pids`). */
  readonly memory: string;
  /** Directory under which pids cgroups are created. */
  readonly pids: string;
}

/** Slack over `maxProcesses` for bwrap's own processes and a warm server, in a pids cgroup. */
const PIDS_SLACK = 8;

/**
 * Finds cgroup directories where passk may create child groups with the memory and pids
 * controllers: the process's own cgroups, when they are writable (typically as root on cgroup
 * v1, or in a delegated cgroup v2 subtree whose `cgroup.subtree_control` already enables
 * both controllers). Returns undefined where there are none; the sandbox then relies on
 * rlimits alone.
 */
export function findCgroupParents(): CgroupParents | undefined {
  let mounts: string;
  let own: string;
  try {
    mounts = readFileSync('/proc/self/mountinfo', 'utf8');
    own = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return undefined;
  }
  const mountOf = (test: (type: string, options: string) => boolean): string | undefined => {
    for (const line of mounts.split('\n')) {
      const [left, right] = line.split(' - ');
      const point = left?.split(' ')[4];
      const [type = '', , options = ''] = (right ?? '').split(' ');
      if (point !== undefined && test(type, options)) return point;
    }
    return undefined;
  };
  const ownPath = (controller: string): string | undefined => {
    for (const line of own.split('\n')) {
      const [, controllers, path] = line.split(':');
      if (
        controllers !== undefined &&
        path !== undefined &&
        controllers.split(',').includes(controller)
      )
        return path;
    }
    return undefined;
  };
  const v1 = (controller: string): string | undefined => {
    const point = mountOf(
      (type, options) => type === 'cgroup' && options.split(',').includes(controller),
    );
    const path = ownPath(controller);
    return point !== undefined && path !== undefined ? join(point, path) : undefined;
  };
  const memory = v1('memory');
  const pids = v1('pids');
  if (memory !== undefined && pids !== undefined && writable(memory) && writable(pids)) {
    return { version: 1, memory, pids };
  }
  const unified = mountOf((type) => type === 'cgroup2');
  const path = own
    .split('\n')
    .find((line) => line.startsWith('0::'))
    ?.slice(3);
  if (unified === undefined || path === undefined) return undefined;
  const directory = join(unified, path);
  try {
    const enabled = readFileSync(join(directory, 'cgroup.subtree_control'), 'utf8').split(/\s+/);
    if (enabled.includes('memory') && enabled.includes('pids') && writable(directory)) {
      return { version: 2, memory: directory, pids: directory };
    }
  } catch {
    // not usable
  }
  return undefined;
}

function writable(directory: string): boolean {
  try {
    accessSync(directory, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What a slot's cgroups counted so far. */
export interface CgroupEvents {
  /** Processes the memory cgroup's OOM killer ended. */
  readonly oomKills: number;
  /** Forks refused because the pids limit was reached. */
  readonly pidsRefused: number;
}

/**
 * The memory and pids cgroups of one slot (`passk-<pid>-<name>`): every process of the
 * slot's sandboxes joins them before bwrap starts (see `joinArgs`), so the slot's total
 * memory (including what it writes into its tmpfs work area) and its number of processes are
 * bounded, whatever each process's rlimits say; the OOM killer then ends a process of the
 * slot, never one of the machine's.
 */
export class SlotCgroup {
  private readonly parents: CgroupParents;
  private readonly memory: string;
  private readonly pids: string;
  /** The limits last written, to skip rewriting them for every job. */
  private limits = '';

  /** @throws the file system's error when the groups cannot be created. */
  constructor(parents: CgroupParents, name: string) {
    this.parents = parents;
    const leaf = `passk-${process.pid}-${name}`;
    this.memory = join(parents.memory, leaf);
    this.pids = join(parents.pids, leaf);
    mkdirSync(this.memory, { recursive: true });
    if (this.pids !== this.memory) mkdirSync(this.pids, { recursive: true });
    if (parents.version === 2) this.write(this.memory, 'memory.swap.max', 'max', true);
  }

  /**
   * Sets the limits for the next job: total memory in bytes (0 = none) and processes
   * (plus a few for bwrap and a warm server; 0 = none). Best effort: a limit the kernel
   * refuses (e.g. below current usage) is left as it was.
   */
  setLimits(memoryBytes: number, processes: number): void {
    const key = `${memoryBytes}/${processes}`;
    if (key === this.limits) return;
    this.limits = key;
    const v1 = this.parents.version === 1;
    const memory = memoryBytes > 0 ? String(memoryBytes) : v1 ? '-1' : 'max';
    this.write(this.memory, v1 ? 'memory.limit_in_bytes' : 'memory.max', memory, true);
    this.write(this.pids, 'pids.max', processes > 0 ? String(processes + PIDS_SLACK) : 'max', true);
  }

  /** The `cgroup.procs` files a process writes its pid into to join the slot's groups. */
  procsFiles(): string[] {
    const files = [join(this.memory, 'cgroup.procs')];
    if (this.pids !== this.memory) files.push(join(this.pids, 'cgroup.procs'));
    return files;
  }

  /** The counters of the slot's groups (read before and after a step to see what fired). */
  events(): CgroupEvents {
    const counter = (file: string, name: string): number => {
      try {
        const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(readFileSync(file, 'utf8'));
        return match === null ? 0 : Number(match[1]);
      } catch {
        return 0;
      }
    };
    return {
      oomKills: counter(
        join(this.memory, this.parents.version === 1 ? 'memory.oom_control' : 'memory.events'),
        'oom_kill',
      ),
      pidsRefused: counter(join(this.pids, 'pids.events'), 'max'),
    };
  }

  /** Removes the groups (they must be empty: call after every sandbox of the slot ended). */
  remove(): void {
    for (const directory of new Set([this.memory, this.pids])) {
      try {
        rmdirSync(directory);
      } catch {
        // still busy or gone
      }
    }
  }

  private write(directory: string, file: string, value: string, quiet: boolean): void {
    try {
      writeFileSync(join(directory, file), value);
    } catch (error) {
      if (!quiet) throw error;
    }
  }
}

/**
 * Removes empty `passk-<pid>-*` groups under `parents` left by passk processes that no longer
 * run (killed before they could clean up). Best effort.
 */
export function removeStaleCgroups(parents: CgroupParents): void {
  for (const parent of new Set([parents.memory, parents.pids])) {
    for (const name of listDirectory(parent)) {
      const pid = /^passk-(\d+)-/.exec(name)?.[1];
      if (pid === undefined || Number(pid) === process.pid || !processExited(Number(pid))) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        // not empty, or gone
      }
    }
  }
}
