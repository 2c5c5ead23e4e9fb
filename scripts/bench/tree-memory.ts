import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a process and all its descendants, in bytes. */
export interface TreeMemory {
  /** Sum of VmRSS: pages shared between the processes (forked servers) count once per process. */
  readonly rss: number;
  /**
   * Sum of PSS (`/proc/<pid>/smaps_rollup`): each shared page split among the processes that
   * map it, so the tree's total counts every page once. VmRSS where PSS cannot be read.
   */
  readonly pss: number;
}

const kilobytes = (text: string, field: string): number =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) * 1024;

/** The memory of `pid`'s process tree now (0 when it has ended). */
export function treeMemory(pid: number): TreeMemory {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(entry), kilobytes(status, 'VmRSS'));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = { rss: 0, pss: 0 };
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    const own = rss.get(current) ?? 0;
    let pss = own;
    try {
      pss = kilobytes(readFileSync(`/proc/${current}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // ended, or not readable: its RSS stands in
    }
    total = { rss: total.rss + own, pss: total.pss + pss };
    pending.push(...(children.get(current) ?? []));
  }
  return total;
}
