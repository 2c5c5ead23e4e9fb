import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The shared benchmark data (vitest sets PASSK_DATA_DIR there). */
export const DATA_DIR =
  process.env.PASSK_DATA_DIR ??
  fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));

/** Reads a data file (`.gz` transparently) as text. */
export function readData(relative: string): string {
  const bytes = readFileSync(join(DATA_DIR, relative));
  return (relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Reads a JSON Lines data file. */
export function readJsonLines<T>(relative: string): T[] {
  return readData(relative)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
