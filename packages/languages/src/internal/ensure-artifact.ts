import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Name of the marker file written once an artifact directory is complete. */
const COMPLETE = '.complete';

/**
 * A directory built once and then reused (a precompiled header, prebuilt crates, a compiled
 * helper). Returns `directory` when it is already complete; otherwise runs `build` on a fresh
 * sibling directory and renames it into place, so that concurrent builders never see a half
 * built artifact (the loser of a race discards its copy).
 *
 * @returns `directory`, complete.
 * @throws whatever `build` throws (the partial directory is removed).
 */
export async function ensureArtifact(
  directory: string,
  build: (staging: string) => Promise<void>,
): Promise<string> {
  if (existsSync(join(directory, COMPLETE))) return directory;
  mkdirSync(dirname(directory), { recursive: true });
  const staging = `${directory}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(staging, { recursive: true });
  try {
    await build(staging);
    writeFileSync(join(staging, COMPLETE), '');
    try {
      renameSync(staging, directory);
    } catch (error) {
      if (!existsSync(join(directory, COMPLETE))) {
        // A stale incomplete directory is in the way: replace it.
        rmSync(directory, { recursive: true, force: true });
        renameSync(staging, directory);
      }
      if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(directory, COMPLETE))) throw error;
    }
    return directory;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
