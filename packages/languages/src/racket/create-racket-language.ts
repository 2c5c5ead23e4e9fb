import type { Language } from '@passk/core';
import {
  defineMultiplELanguage,
  type MultiplELanguageOptions,
} from '../support/define-multipl-e-language.ts';
import { commandPath } from '../support/detect-toolchain.ts';
import { type MultiplERules, sentinelPrinted } from '../support/multipl-e-judge.ts';
import { RUN_STEP, scaled } from '../support/steps.ts';
import { SENTINEL_PARTS, testEvidenceSteps, testFunctionEnd } from '../support/test-evidence.ts';

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
  completed: sentinelPrinted,
  evidence: 'completion sentinel from the end of the test function',
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
export function createRacketLanguage(options: MultiplELanguageOptions = {}): Language {
  return defineMultiplELanguage(
    {
      id: 'racket',
      aliases: ['rkt'],
      extension: '.rkt',
      requirements: {
        language: 'Racket',
        tools: [
          {
            key: 'racket',
            names: ['racket'],
            versionArgs: ['--version'],
            versionPattern: /v(\d[\d.]*)/,
          },
        ],
        libraries: [
          {
            name: 'rackunit',
            argv: ({ racket = 'racket' }) => [racket, '-l', 'racket/base', '-l', 'rackunit'],
          },
        ],
        installHint: 'apt-get install racket',
      },
      steps: (program, toolchain, { timeoutFactor }) => [
        ...testEvidenceSteps(program, RACKET_TEST_END, RACKET_TEST_EVIDENCE),
        {
          name: RUN_STEP,
          argv: [commandPath(toolchain, 'racket', 'racket'), '-t', program.mainFile],
          timeoutMs: scaled(program.timeoutMs, timeoutFactor),
        },
      ],
      rules: RACKET_RULES,
    },
    options,
  );
}
