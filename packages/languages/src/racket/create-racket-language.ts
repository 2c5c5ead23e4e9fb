import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

/**
 * The end of MultiPL-E's Racket test function: `(define (test-humaneval) (let (…) checks…`, closed
 * by a line `))`, then `(test-humaneval)`.
 */
export const RACKET_TEST_END = testFunctionEnd({
  header: /^\(define \(test-humaneval\)/,
  close: /^\)\)$/,
  rest: /^\s*\(test-humaneval\)\s*$/,
});

/**
 * Written after the last check, inside the test function's `let`: rackunit reports a failed
 * check on stderr and goes on, so this only shows that the checks ran (MultiPL-E's rule, an
 * empty stderr, tells whether they held).
 */
export const RACKET_TEST_EVIDENCE = `    (display (string-append "\\n" "${SENTINEL_PARTS[0]}" "${SENTINEL_PARTS[1]}" "\\n"))\n`;

/**
 * MultiPL-E's Racket rule (`racket <file>`, 15 s): `OK` needs exit 0 **and** an empty stderr
 * (rackunit reports failures on stderr and exits 0); otherwise `SyntaxError` when stderr
 * has `read-syntax`, else `Exception`. Evidence: the sentinel printed by {@link RACKET_TEST_EVIDENCE}
 * at the end of the benchmark's test function (`racket -t <file>` requires the module and its
 * `main` submodule as `racket <file>` does).
 */
export const RACKET_RULES: MultiplERules = {
  language: 'Racket',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.stderrBytes > 0 || run.exitCode !== 0
        ? run.stderr.includes('read-syntax')
          ? 'SyntaxError'
          : 'Exception'
        : 'OK',
  ...sentinelEvidence(RACKET_TEST_END, RACKET_TEST_EVIDENCE),
  failureStatus: (word, run) => {
    if (word !== 'Exception') return undefined;
    if (/^FAILURE$/m.test(run.stderr)) return 'failed';
    if (
      /unbound identifier|bad syntax|read-syntax|expected a `\)`|unexpected `\)`/.test(run.stderr)
    )
      return 'compile_error';
    return 'runtime_error';
  },
  outOfMemory: /out of memory/,
};

/**
 * Racket with rackunit (Debian `racket`). Judge `multipl-e`: `prepare` writes {@link RACKET_TEST_EVIDENCE}
 * into the test function (no step when the program does not end with MultiPL-E's tests), then
 * `racket -t <mainFile>`; see
 * {@link RACKET_RULES}.
 */
export const createRacketLanguage = defineMultiplELanguageFactory({
  names: { id: 'racket', aliases: ['rkt'], extension: '.rkt' },
  interpreter: {
    ...versionedTool('racket', ['racket'], ['--version'], /v(\d[\d.]*)/),
    args: ['-t'],
  },
  requirements: {
    libraries: [
      {
        name: 'rackunit',
        argv: ({ racket = 'racket' }) => [racket, '-l', 'racket/base', '-l', 'rackunit'],
      },
    ],
    installHint: 'apt-get install racket',
  },
  rules: RACKET_RULES,
});
