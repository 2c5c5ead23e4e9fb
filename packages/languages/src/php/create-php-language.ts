import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

/** The end of MultiPL-E's PHP test function: `function test(): void {` … `}`, then `test();`. */
export const PHP_TEST_END = testFunctionEnd({
  header: /^function test\(\): void \{$/,
  close: /^\}$/,
  rest: /^\s*test\(\);\s*$/,
});

/**
 * Written after the last assertion of the test function: prints the completion sentinel
 * (not when the program closed STDOUT, where PHP's `echo` would fail the exit status that
 * MultiPL-E sees).
 */
export const PHP_TEST_EVIDENCE = `    if (is_resource(STDOUT)) { echo "\\n" . '${SENTINEL_PARTS[0]}' . '${SENTINEL_PARTS[1]}' . "\\n"; }\n`;

/**
 * MultiPL-E's PHP rule (`php <file>`, 15 s): `SyntaxError` when stdout contains
 * `PHP Parse error`, `Exception` for any non-zero exit (a timeout included: there is no
 * `Timeout` status), otherwise `OK`. Evidence: the sentinel printed by
 * {@link PHP_TEST_EVIDENCE} at the end of the benchmark's test function, so only a run of the
 * tests through their last assertion prints it: not a file PHP prints as text (no `<?php`), not
 * a script that ends early (`exit()`, a top-level `return`, `__halt_compiler()`, `?>` before the
 * tests).
 */
export const PHP_RULES: MultiplERules = {
  language: 'PHP',
  runStatus: (run) =>
    run.stdout.includes('PHP Parse error')
      ? 'SyntaxError'
      : run.exitCode !== 0
        ? 'Exception'
        : 'OK',
  ...sentinelEvidence(PHP_TEST_END, PHP_TEST_EVIDENCE),
  failureStatus: (_word, run) => {
    const output = `${run.stdout}\n${run.stderr}`;
    if (/PHP Parse error|Parse error: /.test(output)) return 'compile_error';
    if (output.includes('Uncaught Exception: Test failed!')) return 'failed';
    return undefined;
  },
  outOfMemory: /Allowed memory size of \d+ bytes exhausted|Out of memory/,
};

/**
 * PHP (`php-cli`). Judge `multipl-e`: `prepare` writes {@link PHP_TEST_EVIDENCE} into the test
 * function (no step when the program does not end with MultiPL-E's tests), then `php <mainFile>`
 * as MultiPL-E runs it; see {@link PHP_RULES}.
 */
export const createPhpLanguage = defineMultiplELanguageFactory({
  names: { id: 'php', aliases: [], extension: '.php' },
  interpreter: versionedTool('php', ['php'], ['--version'], /PHP (\S+)/),
  warmSandbox: true,
  requirements: { installHint: 'apt-get install php-cli' },
  rules: PHP_RULES,
});
