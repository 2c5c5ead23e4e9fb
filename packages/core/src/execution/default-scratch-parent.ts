import { accessSync, constants, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';

const TMPFS_MAGIC = 0x01021994;

/** Free bytes a RAM-backed directory needs before it is preferred: 1 GiB. */
export const MIN_TMPFS_FREE_BYTES = 1024 ** 3;

/**
 * Where the default scratch directory goes: `os.tmpdir()` when it is RAM-backed (tmpfs),
 * else `/dev/shm` when that is a writable tmpfs with at least 1 GiB free, else `os.tmpdir()`.
 *
 * Work directories see a few file creations and deletions per sample; on a disk-backed file
 * system (ext4, especially with `discard`) those cost milliseconds of I/O wait each, which
 * dominates the time of a short program. Small `/dev/shm` mounts (Docker's 64 MiB default)
 * are avoided so programs do not run out of space where they would not on disk.
 */
export function defaultScratchParent(): string {
  const temporary = tmpdir();
  if (isRoomyTmpfs(temporary, 0)) return temporary;
  if (process.platform === 'linux' && isRoomyTmpfs('/dev/shm', MIN_TMPFS_FREE_BYTES))
    return '/dev/shm';
  return temporary;
}

function isRoomyTmpfs(directory: string, minFreeBytes: number): boolean {
  try {
    accessSync(directory, constants.W_OK | constants.X_OK);
    const info = statfsSync(directory);
    return info.type === TMPFS_MAGIC && info.bavail * info.bsize >= minFreeBytes;
  } catch {
    return false;
  }
}
