/**
 * True when no process `pid` exists any more (signal 0 fails with ESRCH); false while it runs
 * or when that cannot be told (EPERM: it exists under another user).
 */
export function processExited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
