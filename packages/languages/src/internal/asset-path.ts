import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `assets/<relative>` in this package. This module sits two levels below the
 * package root both as `src/internal/*.ts` and as `dist/internal/*.js`.
 */
export function assetPath(relative: string): string {
  return fileURLToPath(new URL(`../../assets/${relative}`, import.meta.url));
}
