import { readFileSync } from 'node:fs';

/** How often {@link waitForExit} looks, in ms. */
const POLL_MS = 2;

/**
 * Resolves once process `pid` has ended (no longer in /proc, or a zombie) or after
 * `timeoutMs`; true when it ended. A sandbox's first process becomes a zombie only after the
 * kernel has ended every other process of its PID namespace, so waiting for it means the
 * whole sandbox is gone (bwrap itself may exit a little earlier).
 */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (ended(pid)) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function ended(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}
