import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { RunStoreError } from '../errors/run-store-error.ts';

/**
 * Takes the run directory's lock file so two processes never append to the same run.
 * A lock left by a dead process is taken over. Returns the release function.
 * Throws `RunStoreError` when a live process holds it.
 */
export function acquireRunLock(directory: string, lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSafe(lockPath), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new RunStoreError({
          directory,
          message: `${directory} is in use by process ${holder}; wait for it or remove ${lockPath}`,
        });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new RunStoreError({ directory, message: `cannot lock ${directory}` });
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
