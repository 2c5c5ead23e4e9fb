import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** `assets/php/append-sentinel.php`: prints the completion sentinel. */
export const PHP_APPEND_SENTINEL_PATH = assetPath('php/append-sentinel.php');

/**
 * MultiPL-E's PHP rule (`php <file>`, 15 s): `SyntaxError` when stdout contains
 * `PHP Parse error`, `Exception` for any non-zero exit (a timeout included: there is no
 * `Timeout` status), otherwise `OK`. Evidence: the sentinel printed by
 * `auto_append_file`, which PHP runs only after the script ended normally (not after
 * `exit()`, `die()` or a fatal error).
 */
export const PHP_RULES: MultiplERules = {
  language: 'PHP',
  runStatus: (run) =>
    run.stdout.includes('PHP Parse error')
      ? 'SyntaxError'
      : run.exitCode !== 0
        ? 'Exception'
        : 'OK',
  completed: sentinelPrinted,
  evidence: 'completion sentinel from auto_append_file',
  failureStatus: (_word, run) => {
    const output = `${run.stdout}\n${run.stderr}`;
    if (/PHP Parse error|Parse error: /.test(output)) return 'compile_error';
    if (output.includes('Uncaught Exception: Test failed!')) return 'failed';
    return undefined;
  },
  outOfMemory: /Allowed memory size of \d+ bytes exhausted|Out of memory/,
};

/**
 * PHP (`php-cli`). Judge `multipl-e`: one step `php -d auto_append_file=<asset> <mainFile>`
 * with the asset mounted read-only; see {@link PHP_RULES}.
 */
export const createPhpLanguage = defineMultiplELanguageFactory({
  names: { id: 'php', aliases: [], extension: '.php' },
  requirements: {
    tools: [versionedTool('php', ['php'], ['--version'], /PHP (\S+)/)],
    installHint: 'apt-get install php-cli',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    runStep(
      program,
      timeoutFactor,
      [
        commandPath(toolchain, 'php', 'php'),
        '-d',
        `auto_append_file=${PHP_APPEND_SENTINEL_PATH}`,
        program.mainFile,
      ],
      { mounts: [{ path: PHP_APPEND_SENTINEL_PATH }] },
    ),
  ],
  rules: PHP_RULES,
});
