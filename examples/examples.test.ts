/**
 * Runs every example as a user would (`tsx examples/<name>.ts`, from the repository root) and
 * expects exit status 0: each example checks its own results and exits non-zero when they are
 * wrong. `custom-language` is skipped, saying why, when `tclsh` (Debian package `tcl`) is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cacheDir = mkdtempSync(join(tmpdir(), 'passk-examples-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function hasTclsh(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v tclsh'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const tclMissing = !hasTclsh();
if (tclMissing)
  console.warn('examples: skipping custom-language, tclsh not found (apt-get install tcl)');

describe('examples', () => {
  for (const name of [
    'custom-dataset',
    'custom-provider',
    'programmatic-run',
    'custom-language',
    'mcp-agent',
  ]) {
    it.skipIf(name === 'custom-language' && tclMissing)(
      `${name}.ts exits 0`,
      () => {
        const result = spawnSync(TSX, [join('examples', `${name}.ts`)], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, PASSK_CACHE_DIR: join(cacheDir, name) },
          timeout: 280_000,
        });
        expect(result.stderr, result.stdout).not.toMatch(/Error/);
        expect(result.status).toBe(0);
      },
      300_000,
    );
  }
});
