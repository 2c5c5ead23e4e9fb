/**
 * Sends SIGKILL to the process group led by `pid` (processes spawned with `detached: true`).
 * Returns true when the signal was delivered, false when the group no longer exists.
 */
export function killGroup(pid: number | undefined): boolean {
  if (pid === undefined || pid <= 0) return false;
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}
