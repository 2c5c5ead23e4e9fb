import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { STEP_PATH } from '@passk/core';

/** Where {@link findExecutable} looks for a tool. */
export interface FindExecutableOptions {
  /** A path or name chosen by the caller (a plugin option); searched alone when set. */
  readonly explicit?: string;
  /** Name of an environment variable that may hold the path (`PASSK_NODE`). */
  readonly envVariable?: string;
  /** Environment read for `envVariable` and `PATH`. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Search the user's `PATH` before the system directories every step sees (default false:
   * system directories first, so that what CI installs from Debian is what runs).
   */
  readonly userPathFirst?: boolean;
}

/**
 * Finds a tool: `explicit`, else `$<envVariable>`, else the first of `names` found in the
 * system directories every step sees (`STEP_PATH`) and the user's `PATH` (e.g. `~/.cargo/bin`),
 * directory by directory. A chosen value containing `/` is used as is when executable.
 *
 * Returns the absolute path of an executable file, or undefined. Never throws.
 */
export function findExecutable(
  names: readonly string[],
  options: FindExecutableOptions,
): string | undefined {
  const { env } = options;
  const variable = options.envVariable === undefined ? undefined : env[options.envVariable];
  const chosen = options.explicit ?? (variable ? variable : undefined);
  if (chosen?.includes('/')) return isExecutableFile(chosen) ? chosen : undefined;
  const userPath = env.PATH ?? '';
  const path = options.userPathFirst ? `${userPath}:${STEP_PATH}` : `${STEP_PATH}:${userPath}`;
  return searchPath(chosen === undefined ? names : [chosen], path);
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
