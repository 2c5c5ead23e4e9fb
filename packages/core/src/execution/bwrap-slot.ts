import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  statfsSync,
} from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { ExecutorError } from '../errors/executor-error.ts';
import type { StepMount } from '../spec/executor.ts';
import { writeJobFiles } from './job-files.ts';
import { removeDirectory } from './remove-directory.ts';
import { resolveCommand } from './resolve-command.ts';
import type { SlotCgroup } from './sandbox/cgroups.ts';
import { lifelineArgs } from './sandbox/lifeline.ts';
import { DEFAULT_MAX_PROCESSES } from './sandbox/resource-limits.ts';
import { type SandboxLayout, sandboxArgv } from './sandbox/sandbox-argv.ts';
import { SYSTEM_DIRECTORIES } from './sandbox/system-mounts.ts';
import { WorkArea } from './sandbox/work-area.ts';
import type { JobDirectory, SlotIsolation, WorkFile } from './slot-isolation.ts';
import { STEP_PATH } from './step-environment.ts';

/** Where job directories appear inside every sandbox. */
export const SANDBOX_JOBS_DIR = '/passk/jobs';

/** Free bytes below which a slot's work area counts as full. */
const AREA_FULL_BYTES = 1024 * 1024;

/** Options of {@link createBwrapSlot}. */
export interface BwrapSlotOptions {
  readonly layout: SandboxLayout;
  /** An empty host directory on which the slot's work area is mounted (in its namespace). */
  readonly areaRoot: string;
  /** Size of the slot's work area in bytes. */
  readonly areaBytes: number;
  /** When passk runs as root: the host uid (= gid) the slot's programs run as. */
  readonly uid?: number;
  /**
   * When passk runs as root: the group that owns writable step mounts (compiler caches), kept
   * by the steps that name one so that every slot's uid can write them.
   */
  readonly sharedGid?: number;
  /** The slot's memory and pids cgroups, where passk may create them. */
  readonly cgroup?: SlotCgroup;
}

/**
 * A slot whose steps run in bubblewrap sandboxes (see `sandboxArgv`) inside the slot's
 * `WorkArea` (a size-bounded tmpfs in a private mount namespace, started on first use and
 * restarted if its holder dies). Layout inside the area:
 *
 * - `jobs/<job>/work`: the job's work directory, seen by its steps as
 *   `/passk/jobs/<job>/work`;
 * - `jobs/<job>/tmp`: the job's `/tmp` and `/dev/shm` when a step is spawned;
 * - `server-tmp`: `/tmp` and `/dev/shm` of the slot's warm servers, emptied after every job.
 *
 * As root, `jobs` is root's and each job's directories belong to the slot's uid, so a program
 * can write only its own work directory and `/tmp`.
 */
export function createBwrapSlot(options: BwrapSlotOptions): SlotIsolation {
  const { layout, areaRoot, uid, sharedGid, cgroup } = options;
  /** The supplementary group of a step with writable mounts, after sharing the mounts. */
  const groupFor = (mounts: readonly StepMount[]): { sharedGid?: number } => {
    if (uid === undefined || sharedGid === undefined) return {};
    const writable = mounts.filter((mount) => mount.writable === true);
    if (writable.length === 0) return {};
    for (const mount of writable) shareWritableMount(mount.path, sharedGid);
    return { sharedGid };
  };
  /** Ties a sandbox to passk's life and puts it in the slot's cgroups (see `lifelineArgs`). */
  const joined = (argv: string[]): string[] => [
    ...lifelineArgs(layout.tools, cgroup?.procsFiles() ?? []),
    ...argv,
  ];
  const visibleRoots = SYSTEM_DIRECTORIES.filter(existsSync).map(realpath);
  /**
   * Names in `/tmp` that hold mount points of the slot's warm servers (a step mount under
   * `/tmp`, made by bwrap inside `server-tmp`, root's and read-only to the slot's uid). They
   * stay when `server-tmp` is emptied: removing a mount point from outside the server's mount
   * namespace would silently unmount it there.
   */
  const serverMountPoints = new Set<string>();
  let area: WorkArea | undefined;
  let starting: Promise<WorkArea> | undefined;
  let generation = 0;

  const own = (path: string): void => {
    if (uid !== undefined) chownSync(path, uid, uid);
  };
  /** A job's work directory or `/tmp`, empty and the slot's uid's. */
  const makeJobPart = (path: string): void => {
    mkdirSync(path, { mode: 0o755 });
    own(path);
  };
  const writeFiles = (job: JobDirectory, files: readonly WorkFile[]): void => {
    writeJobFiles(job.hostWorkDir, files);
    if (uid !== undefined) chownTree(job.hostWorkDir, uid);
  };

  const ensureArea = async (): Promise<WorkArea> => {
    if (area?.alive) return area;
    starting ??= (async () => {
      await area?.stop();
      area = undefined;
      mkdirSync(areaRoot, { recursive: true });
      const started = await WorkArea.start({
        tools: layout.tools,
        root: areaRoot,
        sizeBytes: options.areaBytes,
        privileged: layout.privileged,
      });
      mkdirSync(started.hostPath(join(areaRoot, 'jobs')), { mode: 0o755 });
      const serverTmp = started.hostPath(join(areaRoot, 'server-tmp'));
      mkdirSync(serverTmp, { mode: 0o755 });
      own(serverTmp);
      generation += 1;
      area = started;
      return started;
    })().finally(() => {
      starting = undefined;
    });
    return starting;
  };

  const current = (): WorkArea => {
    if (area === undefined) throw new ExecutorError({ message: 'the slot has no work area' });
    return area;
  };

  return {
    sandboxed: true,
    get generation() {
      return generation;
    },
    beginJob(limits) {
      cgroup?.setLimits(limits.maxMemoryBytes, limits.maxProcesses ?? DEFAULT_MAX_PROCESSES);
    },
    cgroupEvents: () => cgroup?.events(),
    async createJob(): Promise<JobDirectory> {
      const workArea = await ensureArea();
      try {
        const hostJob = mkdtempSync(join(workArea.hostPath(join(areaRoot, 'jobs')), 'job-'));
        chmodSync(hostJob, 0o755);
        const name = basename(hostJob);
        for (const part of ['work', 'tmp']) makeJobPart(join(hostJob, part));
        return {
          workDir: `${SANDBOX_JOBS_DIR}/${name}/work`,
          hostWorkDir: join(hostJob, 'work'),
          hostWritable: [
            join(hostJob, 'work'),
            join(hostJob, 'tmp'),
            workArea.hostPath(join(areaRoot, 'server-tmp')),
          ],
        };
      } catch (error) {
        throw new ExecutorError({
          message: `cannot create a job directory in the sandbox work area ${areaRoot}`,
          cause: error,
        });
      }
    },
    writeFiles,
    async resetJob(job, files) {
      for (const part of [job.hostWorkDir, join(job.hostWorkDir, '..', 'tmp')]) {
        if (!(await removeDirectory(part))) throw new Error(`cannot empty ${part}`);
        makeJobPart(part);
      }
      const serverTmp = job.hostWritable[2];
      if (serverTmp !== undefined) await emptyDirectory(serverTmp, serverMountPoints);
      writeFiles(job, files);
    },
    async removeJob(job) {
      const hostJob = join(job.hostWorkDir, '..');
      // Work directory and /tmp one by one: each is small and shallow, which removeDirectory
      // handles with a few synchronous calls.
      let removed =
        (await removeDirectory(job.hostWorkDir)) && (await removeDirectory(join(hostJob, 'tmp')));
      removed = removed && (await removeDirectory(hostJob));
      const serverTmp = job.hostWritable[2];
      if (serverTmp !== undefined) await emptyDirectory(serverTmp, serverMountPoints);
      return removed;
    },
    launchStep(step, job, env, rlimits) {
      const workArea = current();
      const mounts = step.mounts ?? [];
      const missing = mounts.find((mount) => !existsSync(mount.path));
      if (missing !== undefined) {
        return { spawnError: `the step's mount ${missing.path} does not exist` };
      }
      const command = step.argv[0] ?? '';
      const relative = command.includes('/') && !isAbsolute(command);
      const resolved = resolveCommand(command, job.hostWorkDir, env.PATH ?? STEP_PATH);
      if (resolved === null) return { spawnError: `spawn ${command} ENOENT` };
      if (!relative && !isVisible(realpath(resolved), visibleRoots, mounts)) {
        return {
          spawnError: `${command} (${realpath(resolved)}) is outside the sandbox; the language must list its directory in Step.mounts`,
        };
      }
      const name = basename(join(job.hostWorkDir, '..'));
      const argv = sandboxArgv(layout, {
        enter: workArea.enterArgs(),
        tmp: join(areaRoot, 'jobs', name, 'tmp'),
        mounts,
        binds: [
          { source: join(areaRoot, 'jobs', name, 'work'), target: job.workDir, writable: true },
        ],
        cwd: job.workDir,
        ...(uid === undefined ? {} : { uid }),
        ...groupFor(mounts),
        rlimits,
        argv: [relative ? command : resolved, ...step.argv.slice(1)],
      });
      return { argv: joined(argv), cwd: '/', sandboxed: true, procRoot: workArea.procRoot };
    },
    launchServer(step) {
      const workArea = current();
      const mounts = (step.mounts ?? []).filter((mount) => existsSync(mount.path));
      for (const mount of mounts) {
        const inTmp = /^\/tmp\/([^/]+)/.exec(mount.path);
        if (inTmp?.[1] !== undefined) serverMountPoints.add(inTmp[1]);
      }
      const argv = sandboxArgv(layout, {
        enter: workArea.enterArgs(),
        tmp: join(areaRoot, 'server-tmp'),
        mounts,
        binds: [{ source: join(areaRoot, 'jobs'), target: SANDBOX_JOBS_DIR, writable: true }],
        cwd: SANDBOX_JOBS_DIR,
        ...(uid === undefined ? {} : { uid }),
        ...groupFor(mounts),
        // The server sets each child's limits itself (per request).
        rlimits: { addressSpaceBytes: 0, cpuSeconds: 0, processes: 0, fileBytes: 0 },
        argv: step.server?.argv ?? [],
      });
      return { argv: joined(argv), cwd: '/', sandboxed: true, procRoot: workArea.procRoot };
    },
    areaFull() {
      if (area === undefined) return false;
      try {
        const info = statfsSync(area.hostPath(areaRoot));
        return info.bavail * info.bsize < AREA_FULL_BYTES;
      } catch {
        return false;
      }
    },
    async stop() {
      await starting?.catch(() => undefined);
      await area?.stop();
      area = undefined;
      cgroup?.remove();
    },
  };
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** True when `path` (resolved) lies in a system directory or a step mount. */
function isVisible(path: string, roots: readonly string[], mounts: readonly StepMount[]): boolean {
  const inside = (root: string): boolean => path === root || path.startsWith(`${root}/`);
  return roots.some(inside) || mounts.some((mount) => inside(realpath(mount.path)));
}

/** Gives `directory` and everything below it to `uid` (job files are written by root). */
/** Writable mounts already given to a shared group by this process (`<gid>\0<path>`). */
const sharedMounts = new Set<string>();

/**
 * Gives a writable step mount to `gid` once per process: group `gid`, group-writable, and
 * set-group-id directories so that what the steps create there keeps the group. The steps
 * that name the mount run with that group and umask 002 (see `SandboxCommand.sharedGid`).
 */
function shareWritableMount(path: string, gid: number): void {
  const key = `${gid}\0${path}`;
  if (sharedMounts.has(key)) return;
  const share = (target: string): void => {
    const info = lstatSync(target);
    if (info.isSymbolicLink()) return;
    chownSync(target, -1, gid);
    if (info.isDirectory()) {
      chmodSync(target, (info.mode & 0o7777) | 0o2070);
      for (const name of readdirSync(target)) share(join(target, name));
    } else {
      chmodSync(target, (info.mode & 0o7777) | 0o060);
    }
  };
  try {
    share(path);
    sharedMounts.add(key);
  } catch {
    // Best effort: a step that cannot write the mount reports that itself.
  }
}

function chownTree(directory: string, uid: number): void {
  chownSync(directory, uid, uid);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) chownTree(path, uid);
    else chownSync(path, uid, uid);
  }
}

/** Removes everything inside `directory` but the names in `keep`; best effort. */
async function emptyDirectory(directory: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (keep.has(name)) continue;
    const path = join(directory, name);
    try {
      if (lstatSync(path).isDirectory()) await removeDirectory(path);
      else await removeDirectory(path).catch(() => false);
    } catch {
      // vanished
    }
  }
}
