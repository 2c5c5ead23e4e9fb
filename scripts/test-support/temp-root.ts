/**
 * Vitest global setup: the run's own temporary directory. `TMPDIR` points into it for every
 * test process and everything those start (passk, compilers, sandboxes), so whatever a test or
 * a program leaves in the temporary directory goes when the run ends, with the directory.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'passk-test-'));
  // Sandboxed programs run as other uids (as root): they may need to pass through it.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
