import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `packages/languages/assets/<relative>`. Modules using it sit two levels
 * below the package root both as `src/<dir>/*.ts` and as `dist/<dir>/*.js`.
 */
export function assetPath(relative: string): string {
  return fileURLToPath(new URL(`../../assets/${relative}`, import.meta.url));
}
