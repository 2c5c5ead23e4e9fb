import { readdirSync, readlinkSync } from 'node:fs';

/**
 * The identities of the write ends of process `pid`'s stdout and stderr (`socket:[<inode>]`
 * for the socket pairs Node spawns with, `pipe:[<inode>]` for pipes), as `/proc/<pid>/fd/<n>`
 * links read; descriptors that are neither (a file, /dev/null) or cannot be read are left out.
 */
export function outputEnds(pid: number | undefined): Set<string> {
  const ends = new Set<string>();
  if (pid === undefined) return ends;
  for (const fd of [1, 2]) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('pipe:') || target.startsWith('socket:')) ends.add(target);
    } catch {
      // exited already
    }
  }
  return ends;
}

/**
 * SIGKILLs every process but this one that holds one of `pipes` open (identities from
 * {@link outputEnds}): the descendants of a step that left its process group or session
 * (`setsid`) and keep its stdout or stderr open after its main process has exited. Processes
 * whose descriptors cannot be read (another user's) are skipped. Returns the pids killed.
 */
export function killPipeHolders(pipes: ReadonlySet<string>): number[] {
  if (pipes.size === 0) return [];
  const killed: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return killed;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    if (!holdsPipe(entry, pipes)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}

function holdsPipe(pid: string, pipes: ReadonlySet<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if (pipes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return true;
    } catch {
      // closed meanwhile
    }
  }
  return false;
}
