import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';
import { PHP_ISOLATED_JUDGE, PHP_JUDGE_OPTIONS } from './php-isolated-judge.ts';

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
 * PHP (`php-cli`, with its FFI extension). Judge `multipl-e`: `prepare` writes
 * {@link PHP_TEST_EVIDENCE} into the test function (no step when the program does not end with
 * MultiPL-E's tests), then the isolated judge's step `judge` (`isolated-judge.php`: the tests in
 * one process, the candidate's code in another, values crossing as plain data), then
 * `php <mainFile>` as MultiPL-E runs it, judged by {@link PHP_RULES}; a pass must pass both, and
 * the reference's pass is kept in `Verdict.reference` when the isolated tests refuse it.
 */
export const createPhpLanguage = defineMultiplELanguageFactory({
  names: { id: 'php', aliases: [], extension: '.php' },
  interpreter: versionedTool('php', ['php'], ['--version'], /PHP (\S+)/),
  warmSandbox: true,
  requirements: {
    libraries: [
      {
        name: "FFI (passk's isolated judge)",
        argv: ({ php = 'php' }) => [
          php,
          ...PHP_JUDGE_OPTIONS,
          '-r',
          "exit(FFI::cdef('int getpid(void);')->getpid() > 0 ? 0 : 1);",
        ],
      },
    ],
    installHint: 'apt-get install php-cli (PHP 7.4 or later, with its FFI extension)',
  },
  rules: PHP_RULES,
  isolatedJudge: PHP_ISOLATED_JUDGE,
});
