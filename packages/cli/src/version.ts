import { readFileSync } from 'node:fs';

/** The passk version, from this package's package.json. */
export const PASSK_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
