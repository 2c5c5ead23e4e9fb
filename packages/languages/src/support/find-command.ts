import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * The absolute path of the executable `command` names: itself when absolute, else the first
 * match in the colon-separated `searchPath`. Returns undefined when there is none.
 */
export function findCommand(command: string, searchPath: string): string | undefined {
  if (isAbsolute(command)) return isExecutable(command) ? command : undefined;
  for (const directory of searchPath.split(':')) {
    if (directory === '') continue;
    const candidate = join(directory, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** `path` with symbolic links resolved, or `path` itself when that fails. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
