import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { STEP_PATH } from '@passk/core';

/** Where {@link findExecutable} looks for a tool. */
export interface FindExecutableOptions {
  /** A path chosen by the caller (a plugin option); used as is when set. */
  readonly explicit?: string;
  /** Name of an environment variable that may hold the path (`PASSK_NODE`). */
  readonly envVariable?: string;
  /** Environment read for `envVariable` and `PATH` (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Finds a tool: `explicit`, else `$<envVariable>`, else the first of `names` in the system
 * directories every step sees (`STEP_PATH`), else in the user's `PATH` (e.g. `~/.cargo/bin`).
 * System directories come first so that what CI installs from Debian is what runs.
 *
 * Returns the absolute path of an executable file, or undefined. Never throws.
 */
export function findExecutable(
  names: readonly string[],
  options: FindExecutableOptions = {},
): string | undefined {
  const env = options.env ?? process.env;
  const chosen =
    options.explicit ??
    (options.envVariable !== undefined && env[options.envVariable]
      ? env[options.envVariable]
      : undefined);
  if (chosen !== undefined) {
    if (chosen.includes('/')) return isExecutableFile(chosen) ? chosen : undefined;
    return searchPath([chosen], `${STEP_PATH}:${env.PATH ?? ''}`);
  }
  return searchPath(names, `${STEP_PATH}:${env.PATH ?? ''}`);
}

function searchPath(names: readonly string[], path: string): string | undefined {
  for (const directory of path.split(':')) {
    if (directory === '' || !isAbsolute(directory)) continue;
    for (const name of names) {
      const candidate = join(directory, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** True when `path` is an executable regular file. */
export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
