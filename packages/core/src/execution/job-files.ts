import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ExecutorError } from '../errors/executor-error.ts';
import type { WorkFile } from './slot-isolation.ts';

/**
 * Checks that `path` is a relative POSIX path inside the work directory: not empty, not
 * absolute, no `..` segment, no NUL byte.
 *
 * @throws ExecutorError when it is not (a bug in the caller, not in the program under test).
 */
export function assertRelativePath(path: string, what: string): void {
  const bad =
    path === '' ||
    path.startsWith('/') ||
    path.includes('\0') ||
    path.split(/[\\/]/).some((segment) => segment === '..');
  if (bad) {
    throw new ExecutorError({
      message: `${what} must be a relative path inside the work directory without '..' segments, got ${JSON.stringify(path)}`,
    });
  }
}

/**
 * Writes `files` (text as UTF-8) below `workDir`, creating parent directories as needed. Synchronous:
 * job files are small, and sync calls cost a fraction of the CPU of async ones.
 * Paths must already have passed {@link assertRelativePath}.
 *
 * @throws the file system's error when a file cannot be written.
 */
export function writeJobFiles(workDir: string, files: readonly WorkFile[]): void {
  for (const file of files) {
    const target = join(workDir, file.path);
    const parent = dirname(target);
    if (parent !== workDir) mkdirSync(parent, { recursive: true });
    writeFileSync(target, file.contents, 'utf8');
  }
}
