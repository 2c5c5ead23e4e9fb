import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { SandboxUnavailableError } from '../../errors/sandbox-unavailable-error.ts';
import { STEP_PATH } from '../step-environment.ts';
import { type CgroupParents, findCgroupParents, removeStaleCgroups } from './cgroups.ts';
import { DEFAULT_MAX_PROCESSES } from './resource-limits.ts';
import { type SandboxLayout, sandboxArgv } from './sandbox-argv.ts';
import { findSandboxTools, TOOL_PACKAGES } from './sandbox-tools.ts';
import { systemMountArgs } from './system-mounts.ts';

/** Default size of each slot's work area (work directory and `/tmp` together): 512 MiB. */
export const DEFAULT_WORK_AREA_BYTES = 512 * 1024 ** 2;

/** First host uid of the slots' programs when passk runs as root (slot i runs as base + i). */
export const DEFAULT_SANDBOX_UID_BASE = 1_000_000_000;

/** Host group of writable step mounts (shared compiler caches) when passk runs as root. */
export const DEFAULT_SHARED_GROUP_ID = DEFAULT_SANDBOX_UID_BASE - 1;

/** A sandbox that was checked to work here. */
export interface PreparedSandbox {
  readonly layout: SandboxLayout;
  /** bubblewrap's version string. */
  readonly version: string;
  /** True when RLIMIT_NPROC counts each sandbox's processes only (Linux >= 5.14, or root). */
  readonly processLimit: boolean;
  /** How programs are isolated, one line each (for doctor, manifests and logs). */
  readonly isolation: readonly string[];
  /** Where the slots' memory and pids cgroups go, when passk may create cgroups here. */
  readonly cgroups?: CgroupParents;
}

/** Options of {@link prepareSandbox}. */
export interface PrepareSandboxOptions {
  /** Directory for passk's own `/etc/passwd`, `/etc/group`, `/etc/hosts` (created). */
  readonly etcDirectory: string;
  /** Uids the slots run as when privileged (one per slot). */
  readonly slotUids: readonly number[];
  /** Size of each slot's work area in bytes. */
  readonly areaBytes: number;
  /** Searched for the tools after the system directories. */
  readonly path?: string;
  /** The bubblewrap binary to use instead of searching for one. */
  readonly bwrap?: string;
  /** Look for writable cgroups to bound each slot's memory and processes (default true). */
  readonly cgroups?: boolean;
}

/** How to opt out, appended to every refusal. */
const OPT_OUT =
  'or run without a sandbox with --sandbox none (sandbox: "none" in the API): model-written code then runs as your user, with resource limits but with access to your files, your network and your other processes';

/**
 * Checks that the bubblewrap sandbox works on this machine and returns its layout: Linux,
 * bwrap and the util-linux tools present, and a probe command (`/usr/bin/true` in a sandbox
 * nested in a work-area holder, exactly as jobs run) that succeeds.
 *
 * @throws SandboxUnavailableError saying why and how to fix it (install bubblewrap, allow
 * unprivileged user namespaces) or opt out with `--sandbox none`.
 */
export function prepareSandbox(options: PrepareSandboxOptions): PreparedSandbox {
  if (process.platform !== 'linux') {
    throw new SandboxUnavailableError({
      message: `the bubblewrap sandbox needs Linux and this is ${process.platform}: passk does not run model-written code here without isolation unless you ask it to. Run passk in a Linux VM or container, ${OPT_OUT}`,
    });
  }
  const found = findSandboxTools(options.path, options.bwrap);
  if ('missing' in found) {
    const packages = [...new Set(found.missing.map((tool) => TOOL_PACKAGES[tool]))];
    throw new SandboxUnavailableError({
      message: `the sandbox needs ${found.missing.join(', ')}, which ${found.missing.length > 1 ? 'are' : 'is'} not installed. Install ${packages.join(' and ')} (Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}; Fedora: sudo dnf install ${packages.join(' ')}; Arch: sudo pacman -S ${packages.join(' ')}), ${OPT_OUT}`,
    });
  }
  const { tools } = found;
  const privileged = process.getuid?.() === 0;
  mkdirSync(options.etcDirectory, { recursive: true });
  const users = privileged
    ? options.slotUids.map((uid, index) => ({ name: `passk${index}`, uid }))
    : [{ name: 'passk', uid: process.getuid?.() ?? 1000 }];
  const layout: SandboxLayout = {
    tools,
    systemArgs: systemMountArgs(options.etcDirectory, users),
    privileged,
  };
  const version = spawnSync(tools.bwrap, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  probe(layout, dirname(options.etcDirectory), options.slotUids[0]);
  const processLimit = privileged || kernelAtLeast(5, 14);
  const cgroups = options.cgroups === false ? undefined : findCgroupParents();
  if (cgroups !== undefined) removeStaleCgroups(cgroups);
  const mib = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;
  return {
    layout,
    version,
    processLimit,
    ...(cgroups === undefined ? {} : { cgroups }),
    isolation: [
      `${version || 'bubblewrap'}: own user, PID, network (no access), IPC and UTS namespaces; read-only /usr, /bin, /lib* and essentials of /etc; nothing of your home, the repository or the run directory unless a language mounts it (read-only)`,
      privileged
        ? `programs run as uid ${options.slotUids[0]}+slot (passk runs as root: bwrap mounts as root, then drops to the slot's uid in a user namespace of its own)`
        : 'programs run as your uid inside a user namespace of their own',
      `work area: a ${mib(options.areaBytes)} tmpfs per slot for the work directory and /tmp, destroyed with the slot`,
      'environment: allow-list only (PATH, HOME, TMPDIR, LANG, LC_ALL and what the language sets)',
      `limits: wall time per step (the step's processes are killed with the sandbox's PID namespace); CPU time = the wall-clock limit (RLIMIT_CPU); memory per process (RLIMIT_AS, the language's limit); ${processLimit ? `processes and threads per sandbox (RLIMIT_NPROC, default ${DEFAULT_MAX_PROCESSES})` : 'processes: not enforced (Linux < 5.14 counts every process of the user)'}; file size (RLIMIT_FSIZE); captured output per stream`,
      cgroups === undefined
        ? 'cgroups: none writable here; total memory and processes per slot are bounded by rlimits only (RLIMIT_AS is per process)'
        : `cgroups v${cgroups.version}: each slot's total memory (the language's memory limit, including its work area) and processes are also bounded by its own memory and pids cgroups`,
      "lifetime: every sandbox runs inside its slot's work-area PID namespace, which the kernel ends when passk exits or dies; nothing is left running",
    ],
  };
}

/** Runs `/usr/bin/true` the way a job step runs; throws SandboxUnavailableError on failure. */
function probe(layout: SandboxLayout, scratch: string, uid: number | undefined): void {
  const root = mkdtempSync(join(scratch, 'probe-'));
  try {
    const inner = sandboxArgv(layout, {
      enter: [],
      tmp: join(root, 'tmp'),
      mounts: [],
      binds: [{ source: join(root, 'work'), target: '/passk/jobs/probe/work', writable: true }],
      cwd: '/passk/jobs/probe/work',
      ...(layout.privileged && uid !== undefined ? { uid } : {}),
      rlimits: { addressSpaceBytes: 0, cpuSeconds: 5, processes: 16, fileBytes: 1024 },
      argv: ['/usr/bin/true'],
    });
    const argv = [
      layout.tools.bwrap,
      '--dev-bind',
      '/',
      '/',
      '--tmpfs',
      root,
      '--dir',
      join(root, 'tmp'),
      '--dir',
      join(root, 'work'),
      '--',
      ...inner,
    ];
    const result = spawnSync(argv[0] as string, argv.slice(1), {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: STEP_PATH, LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    if (result.status === 0) return;
    const stderr = (result.stderr ?? '').trim() || (result.error?.message ?? '');
    const userns =
      /uid map|namespace|Operation not permitted|Permission denied|No permissions/i.test(stderr);
    throw new SandboxUnavailableError({
      message: `bubblewrap is installed but cannot create a sandbox here (${stderr || `exit code ${result.status}`}). ${
        userns
          ? 'Unprivileged user namespaces seem to be blocked: on Ubuntu 24.04 and later allow them for bwrap with an AppArmor profile or `sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0`; elsewhere check `sysctl user.max_user_namespaces` (and kernel.unprivileged_userns_clone on Debian kernels); in a container, allow namespaces (e.g. docker run --security-opt seccomp=unconfined, or --privileged). '
          : ''
      }Fix that, ${OPT_OUT}`,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function kernelAtLeast(major: number, minor: number): boolean {
  const [kernelMajor = 0, kernelMinor = 0] = release().split('.').map(Number);
  return kernelMajor > major || (kernelMajor === major && kernelMinor >= minor);
}
