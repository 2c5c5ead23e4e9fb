import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Chromium the browser tests drive (Debian's `chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Why the browser tests cannot run on this machine, or undefined when they can: they need
 * Chromium (Debian: `chromium`, which `.ci/apt/report.txt` installs) and the `playwright-core`
 * dev dependency. Tests skip on it and print the reason, once per file.
 */
export function chromiumSkipReason(what: string): string | undefined {
  let reason: string | undefined;
  if (!existsSync(CHROMIUM_PATH)) {
    reason = `chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`;
  } else {
    try {
      createRequire(import.meta.url).resolve('playwright-core');
    } catch {
      reason = 'playwright-core is not installed (npm install)';
    }
  }
  if (reason !== undefined) console.warn(`skipped ${what}: ${reason}`);
  return reason;
}
