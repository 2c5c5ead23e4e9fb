import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listDirectory } from '../io/list-directory.ts';
import { processExited } from './process-exited.ts';

/**
 * Removes `passk-exec-<pid>-*` scratch directories in `parent` whose process no longer
 * exists: what a passk killed before its executor closed left behind (its sandboxes' work
 * areas vanished with their namespaces; these hold only empty mount points and passk's own
 * /etc files). Directories of running processes and other names are left alone. Best effort.
 */
export function removeStaleScratch(parent: string): void {
  for (const name of listDirectory(parent)) {
    const pid = /^passk-exec-(\d+)-/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || !processExited(Number(pid))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // not ours to remove after all
    }
  }
}
