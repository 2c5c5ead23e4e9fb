import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { chmod, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Entries up to which a work directory is removed synchronously (cheaper than async fs). */
const SYNC_REMOVE_MAX_ENTRIES = 64;

/**
 * Removes `directory` and everything in it. A small tree (at most two levels and 64 entries,
 * the usual work directory) is removed with synchronous calls, which cost a fraction of the
 * CPU of async ones; anything bigger is removed asynchronously so that the event loop is never
 * blocked for long. When a program under test made parts of the tree read-only, permissions
 * are restored and the removal retried once.
 *
 * Returns true when the directory is gone; never throws.
 */
export async function removeDirectory(directory: string): Promise<boolean> {
  if (removeSmallTree(directory)) return true;
  try {
    await rm(directory, { recursive: true, force: true, maxRetries: 2 });
    return true;
  } catch {
    await restoreWritable(directory);
    try {
      await rm(directory, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  }
}

/** Removes a tree of at most two levels and a few entries; false when it did not (fully). */
function removeSmallTree(directory: string): boolean {
  try {
    const entries = readdirSync(directory, { withFileTypes: true });
    const plan: { files: string[]; dirs: string[] } = { files: [], dirs: [] };
    let count = entries.length;
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (!entry.isDirectory()) {
        plan.files.push(path);
        continue;
      }
      const children = readdirSync(path, { withFileTypes: true });
      count += children.length;
      if (count > SYNC_REMOVE_MAX_ENTRIES || children.some((child) => child.isDirectory()))
        return false;
      for (const child of children) plan.files.push(join(path, child.name));
      plan.dirs.push(path);
    }
    if (count > SYNC_REMOVE_MAX_ENTRIES) return false;
    for (const file of plan.files) unlinkSync(file);
    for (const dir of plan.dirs) rmdirSync(dir);
    rmdirSync(directory);
    return true;
  } catch {
    return false;
  }
}

async function restoreWritable(directory: string): Promise<void> {
  try {
    await chmod(directory, 0o700);
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) await restoreWritable(join(directory, entry.name));
    }
  } catch {
    // best effort
  }
}
