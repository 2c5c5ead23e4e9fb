import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.ts';
import type { Generation } from '../spec/provider.ts';

/** Generations keyed by provider, model, prompt, sampling and sample index. */
export interface GenerationCache {
  get(key: string): Generation | undefined;
  /** Stores successful generations only. */
  set(key: string, value: Generation): Promise<void>;
}

/** A file-backed generation cache under `directory`. */
export function createGenerationCache(directory: string): GenerationCache {
  return {
    get(key) {
      try {
        return JSON.parse(
          readFileSync(join(directory, key.slice(0, 2), `${key}.json`), 'utf8'),
        ) as Generation;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      if (value.error) return;
      const folder = join(directory, key.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      await writeFileAtomic(join(folder, `${key}.json`), JSON.stringify(value));
    },
  };
}
