import { realpathSync } from 'node:fs';
import type { StepMount } from '@passk/core';

/** Directories the sandbox shows to every step (see `Step.mounts`). */
const SYSTEM_PREFIXES = ['/usr/', '/bin/', '/sbin/', '/lib/', '/lib32/', '/lib64/', '/etc/'];

/**
 * Read-only mounts for the host paths a step needs, leaving out those under the system
 * directories the sandbox shows anyway. Symbolic links are resolved so that the target is
 * mounted too. Duplicates are dropped; order is kept.
 */
export function hostMounts(paths: readonly (string | undefined)[]): StepMount[] {
  const seen = new Set<string>();
  const mounts: StepMount[] = [];
  for (const path of paths) {
    if (path === undefined) continue;
    for (const candidate of [path, realPath(path)]) {
      if (seen.has(candidate) || SYSTEM_PREFIXES.some((prefix) => candidate.startsWith(prefix)))
        continue;
      seen.add(candidate);
      mounts.push({ path: candidate });
    }
  }
  return mounts;
}

/** A writable mount, for a compiler cache shared by the build steps of every job. */
export function writableMount(path: string): StepMount {
  return { path, writable: true };
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
