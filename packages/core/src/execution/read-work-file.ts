import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a regular file a step left in its work directory, `relative` to `workDir`, without
 * following a symbolic link anywhere on the way (a program could point one at a file of the
 * host, which passk reads with its own rights). Called once the step's processes are gone, so
 * nothing changes the path meanwhile. Synchronous: such files are small.
 *
 * Returns the bytes, or null when the file is missing, not a regular file, reached through a
 * link, or larger than `maxBytes`.
 */
export function readWorkFile(workDir: string, relative: string, maxBytes: number): Buffer | null {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  let descriptor: number | undefined;
  try {
    for (let depth = 1; depth < parts.length; depth += 1) {
      if (!lstatSync(join(workDir, ...parts.slice(0, depth))).isDirectory()) return null;
    }
    descriptor = openSync(join(workDir, ...parts), constants.O_RDONLY | constants.O_NOFOLLOW);
    const info = fstatSync(descriptor);
    if (!info.isFile() || info.size > maxBytes) return null;
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } catch {
    return null;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
