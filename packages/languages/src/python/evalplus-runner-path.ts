import { fileURLToPath } from 'node:url';

/**
 * Absolute path of `assets/python/evalplus_runner.py` (EvalPlus ground truth and checks). This
 * module sits two levels below the package root both as `src/python/*.ts` and as `dist/python/*.js`.
 */
export const EVALPLUS_RUNNER_PATH = fileURLToPath(
  new URL('../../assets/python/evalplus_runner.py', import.meta.url),
);
