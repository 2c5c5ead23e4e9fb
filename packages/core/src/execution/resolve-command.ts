import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const cache = new Map<string, string | null>();

/**
 * Finds the executable a command name refers to, the way `execvp` would: a name containing
 * `/` is taken relative to `cwd`; a bare name is looked up in `searchPath` (colon-separated).
 * Bare-name lookups are cached per `searchPath`.
 *
 * Returns the absolute path of an executable regular file, or null when there is none.
 */
export function resolveCommand(command: string, cwd: string, searchPath: string): string | null {
  if (command === '') return null;
  if (command.includes('/')) {
    const candidate = isAbsolute(command) ? command : resolve(cwd, command);
    return isExecutableFile(candidate) ? candidate : null;
  }
  const key = `${searchPath}\0${command}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const directory of searchPath.split(':')) {
    if (directory === '') continue;
    const candidate = join(directory, command);
    if (isExecutableFile(candidate)) {
      found = candidate;
      break;
    }
  }
  cache.set(key, found);
  return found;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
