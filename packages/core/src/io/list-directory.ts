import { readdirSync } from 'node:fs';

/**
 * The names in `directory`, or none when it cannot be read (missing, not a directory, no
 * permission). Never throws.
 */
export function listDirectory(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
