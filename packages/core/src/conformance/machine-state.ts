import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDirectory } from '../io/list-directory.ts';

/** A live process, as seen in /proc. */
export interface ProcessInfo {
  readonly pid: number;
  readonly uid: number;
  readonly cmdline: string;
}

/**
 * Live (non-zombie) processes whose command line or environment contains `needle`, or (when
 * given) whose real uid is one of `uids`. Processes that end while being read are skipped.
 */
export function findProcesses(
  needle: string,
  uids: ReadonlySet<number> = new Set(),
): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^State:\s+[ZX]/m.test(status)) continue;
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      let environ = '';
      try {
        environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      } catch {
        // not readable: judged by command line and uid
      }
      if (cmdline.includes(needle) || environ.includes(needle) || uids.has(uid)) {
        found.push({ pid: Number(entry), uid, cmdline });
      }
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

/**
 * Paths below `roots` (walked to `maxDepth`, at most `maxEntries` entries, skipping
 * `node_modules` and `.git`) whose name contains `needle` or whose owner is one of `uids`.
 */
export function findFiles(
  roots: readonly string[],
  needle: string,
  uids: ReadonlySet<number>,
  maxDepth = 4,
  maxEntries = 200_000,
): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (directory: string, depth: number): void => {
    for (const name of listDirectory(directory)) {
      if (++seen > maxEntries) return;
      const path = join(directory, name);
      let info: ReturnType<typeof lstatSync>;
      try {
        info = lstatSync(path);
      } catch {
        continue;
      }
      if (name.includes(needle) || uids.has(info.uid)) found.push(path);
      if (info.isDirectory() && depth < maxDepth && name !== 'node_modules' && name !== '.git') {
        walk(path, depth + 1);
      }
    }
  };
  for (const root of roots) walk(root, 1);
  return found;
}
