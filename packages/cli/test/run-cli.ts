import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '@passk/core';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';

/** The built `passk` entry point. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
/** The shared benchmark data (CI and tests set PASSK_DATA_DIR there). */
export const DATA_DIR =
  process.env.PASSK_DATA_DIR ??
  fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));

/**
 * Time limit of a test running `passk doctor`: it detects every toolchain, and the first
 * detection on a machine builds the shared toolchain artifacts (minutes on a busy machine).
 */
export const DOCTOR_TIMEOUT_MS = 600_000;

/** What a finished `passk` process did. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A fresh directory for one test, removed when the test finishes, with its own cache. Only
 * the toolchain artifacts (C++ precompiled headers, Rust crates, Go's build cache: about
 * 230 MB, minutes of compiling on a busy machine) are shared, with the other tests' (a link to
 * `<passk cache>/toolchains`): they are keyed by what built them and cannot change a verdict.
 */
export function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = temporaryDirectory('passk-cli-');
  const toolchains = join(defaultCacheDir(process.env), 'toolchains');
  mkdirSync(toolchains, { recursive: true });
  mkdirSync(join(dir, '.cache'));
  symlinkSync(toolchains, join(dir, '.cache', 'toolchains'));
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

/**
 * Command-line arguments written as one line: the template's text split at white space, a
 * `${value}` taken whole (spaces and all) and joined to the text it touches:
 * args`run --out ${dir} --seed=${seed}`.
 */
export function args(
  text: TemplateStringsArray,
  ...values: readonly (string | number)[]
): string[] {
  const words: string[] = [];
  let glued = false;
  const add = (word: string) => {
    if (glued) words[words.length - 1] += word;
    else words.push(word);
  };
  text.forEach((part, index) => {
    part.split(/(\s+)/).forEach((piece) => {
      if (/^\s+$/.test(piece)) glued = false;
      else if (piece !== '') {
        add(piece);
        glued = true;
      }
    });
    if (index < values.length) {
      add(String(values[index]));
      glued = true;
    }
  });
  return words;
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
