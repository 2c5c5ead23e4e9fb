import { readFileSync } from 'node:fs';

/** Directory of the recorded wire fixtures (see `fixtures/README.md`). */
export const FIXTURES_DIR = new URL('../../fixtures/', import.meta.url);

const cache = new Map<string, unknown>();

/** A deep copy of fixture `name` (`openai-chat`, `anthropic-messages` …). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES_DIR), 'utf8'));
    cache.set(name, value);
  }
  return structuredClone(value) as T;
}
