import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DataContext } from '../spec/dataset.ts';

/**
 * The user cache directory: `PASSK_CACHE_DIR`, else `$XDG_CACHE_HOME/passk`, else
 * `~/.cache/passk`.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PASSK_CACHE_DIR) return env.PASSK_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'passk');
  return join(homedir(), '.cache', 'passk');
}

/** Data lookup settings from the environment: `PASSK_DATA_DIR`, the cache, `PASSK_OFFLINE=1`. */
export function defaultDataContext(env: NodeJS.ProcessEnv = process.env): DataContext {
  return {
    dataDir: env.PASSK_DATA_DIR || undefined,
    cacheDir: defaultCacheDir(env),
    allowDownload: env.PASSK_OFFLINE !== '1',
  };
}
