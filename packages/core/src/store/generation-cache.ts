import type { Generation } from '../spec/provider.ts';
import { jsonFileStore } from './internal/json-file-store.ts';

/** Generations keyed by provider, model, prompt, sampling and sample index. */
export interface GenerationCache {
  get(key: string): Generation | undefined;
  /** Stores successful generations only. */
  set(key: string, value: Generation): Promise<void>;
}

/** A file-backed generation cache under `directory`. */
export function createGenerationCache(directory: string): GenerationCache {
  return jsonFileStore<Generation>(directory, (value) => !value.error);
}
