import { readFileSync } from 'node:fs';

/**
 * How many processes the kernel's OOM killer has ended since boot (`oom_kill` in
 * `/proc/vmstat`, Linux >= 4.13), or -1 when unknown. A step killed by SIGKILL while this
 * number grew was most likely ended because the machine ran out of memory.
 */
export function oomKillCount(): number {
  try {
    const match = /^oom_kill (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'));
    return match === null ? -1 : Number(match[1]);
  } catch {
    return -1;
  }
}
