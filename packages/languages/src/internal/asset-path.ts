import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `assets/<relative>` in this package. This module sits two levels below the
 * package root both as `src/internal/*.ts` and as `dist/internal/*.js`.
 */
export function assetPath(relative: string): string {
  return fileURLToPath(new URL(`../../assets/${relative}`, import.meta.url));
}

const texts = new Map<string, string>();

/**
 * The text (UTF-8) of `assets/<relative>`, read on first use and kept for the process (code a
 * judge appends to the programs it generates). @throws the file system's error.
 */
export function assetText(relative: string): string {
  let text = texts.get(relative);
  if (text === undefined) {
    text = readFileSync(assetPath(relative), 'utf8');
    texts.set(relative, text);
  }
  return text;
}
