import { readFileSync } from 'node:fs';

/** How often {@link waitForExit} looks, in ms. */
const POLL_MS = 2;

/**
 * Resolves once process `pid` (of the PID namespace whose `/proc` is at `procRoot`) has ended
 * (gone, or a zombie) or after `timeoutMs`; true when it ended. A sandbox's first process becomes a zombie only after the
 * kernel has ended every other process of its PID namespace, so waiting for it means the
 * whole sandbox is gone (bwrap itself may exit a little earlier).
 */
export async function waitForExit(
  pid: number,
  timeoutMs: number,
  procRoot = '/proc',
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (ended(`${procRoot}/${pid}/stat`)) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function ended(statPath: string): boolean {
  try {
    const state = readFileSync(statPath, 'utf8').split(') ').at(-1)?.[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}
