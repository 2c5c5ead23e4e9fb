import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/write-file-atomic.ts';

/** Values kept as JSON, one file per key. */
export interface JsonFileStore<T> {
  /** The value stored under `key`; undefined when there is none or it cannot be read. */
  get(key: string): T | undefined;
  /** Stores `value` under `key` (atomically) when `keep(value)`; otherwise does nothing. */
  set(key: string, value: T): Promise<void>;
}

/**
 * A store under `directory`: the value of key `k` is the file `<k[0..2]>/<k>.json` (keys are
 * hashes, so the two-character folders spread them out).
 */
export function jsonFileStore<T>(directory: string, keep: (value: T) => boolean): JsonFileStore<T> {
  return {
    get(key) {
      try {
        return JSON.parse(
          readFileSync(join(directory, key.slice(0, 2), `${key}.json`), 'utf8'),
        ) as T;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      if (!keep(value)) return;
      const folder = join(directory, key.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      await writeFileAtomic(join(folder, `${key}.json`), JSON.stringify(value));
    },
  };
}
