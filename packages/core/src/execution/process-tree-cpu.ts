import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on every Linux ABI). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time in milliseconds (user + system) used so far by process `rootPid` and every live
 * descendant, read from `/proc`: each process's own time plus the time of the children it has
 * already waited for (`cutime` + `cstime`), so that nothing is counted twice. Processes in a
 * sandbox's PID namespace are found through their host pids and parents. Returns undefined
 * when `/proc` cannot be read (not Linux); never throws.
 */
export function processTreeCpuMs(rootPid: number): number | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces and parentheses): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    // utime, stime, cutime, cstime are fields 14 to 17.
    const used = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    ticks.set(pid, used);
    const siblings = children.get(parent);
    if (siblings) siblings.push(pid);
    else children.set(parent, [pid]);
  }
  if (!ticks.has(rootPid)) return undefined;
  let total = 0;
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    total += ticks.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (total * 1000) / TICKS_PER_SECOND;
}
