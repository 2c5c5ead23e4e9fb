import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built `passk` entry point. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
/** The shared benchmark data (CI and tests set PASSK_DATA_DIR there). */
export const DATA_DIR =
  process.env.PASSK_DATA_DIR ??
  fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));

/** What a finished `passk` process did. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh directory for one test, with its own cache. */
export function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'passk-cli-'));
  return {
    dir,
    env: {
      ...process.env,
      PASSK_DATA_DIR: DATA_DIR,
      PASSK_CACHE_DIR: join(dir, '.cache'),
      PASSK_OFFLINE: '1',
    },
  };
}

/** Runs `passk <args>` as a user would: a separate process, real files. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
