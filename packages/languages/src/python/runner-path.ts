import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `assets/python/humaneval_runner.py`. This module sits two levels below
 * the package root both as `src/python/*.ts` and as `dist/python/*.js`.
 */
export const HUMANEVAL_RUNNER_PATH = fileURLToPath(
  new URL('../../assets/python/humaneval_runner.py', import.meta.url),
);
