import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes `passk-exec-<pid>-*` scratch directories in `parent` whose process no longer
 * exists: what a passk killed before its executor closed left behind (its sandboxes' work
 * areas vanished with their namespaces; these hold only empty mount points and passk's own
 * /etc files). Directories of running processes and other names are left alone. Best effort.
 */
export function removeStaleScratch(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^passk-exec-(\d+)-/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
      try {
        rmSync(join(parent, name), { recursive: true, force: true });
      } catch {
        // not ours to remove after all
      }
    }
  }
}
