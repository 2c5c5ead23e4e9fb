import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

/** The end of MultiPL-E's Perl test function: `sub testhumaneval {` … `}`, then `testhumaneval();`. */
export const PERL_TEST_END = testFunctionEnd({
  header: /^sub testhumaneval \{$/,
  close: /^\}$/,
  rest: /^\s*testhumaneval\(\);\s*$/,
});

/**
 * Written after the last assertion of the test function: reached only when every check
 * passed (the tests `exit 1` on a mismatch) and nothing before it ended the program.
 */
export const PERL_TEST_EVIDENCE = `    print "\\n" . '${SENTINEL_PARTS[0]}' . '${SENTINEL_PARTS[1]}' . "\\n";\n`;

/**
 * MultiPL-E's Perl rule (`perl <file>`, 15 s): `OK` when the exit code is 0 and neither
 * stdout nor stderr contains `ERROR`; `Timeout`; otherwise `Exception`. Evidence: the
 * sentinel printed by {@link PERL_TEST_EVIDENCE} at the end of the
 * benchmark's test function.
 */
export const PERL_RULES: MultiplERules = {
  language: 'Perl',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.exitCode !== 0 || run.stdout.includes('ERROR') || run.stderr.includes('ERROR')
        ? 'Exception'
        : 'OK',
  ...sentinelEvidence(PERL_TEST_END, PERL_TEST_EVIDENCE),
  failureStatus: (_word, run) => {
    if (
      /syntax error at|compilation aborted|Execution of .* aborted due to compilation errors/.test(
        run.stderr,
      )
    )
      return 'compile_error';
    // The tests `exit 1` on a mismatch, printing nothing.
    if (run.exitCode === 1 && run.stderr.trim() === '') return 'failed';
    return 'runtime_error';
  },
  outOfMemory: /Out of memory!/,
};

/**
 * Perl 5 with Test::Deep (Debian `libtest-deep-perl`). Judge `multipl-e`: `prepare` writes
 * {@link PERL_TEST_EVIDENCE} into the test function (no step when the program does not end with
 * MultiPL-E's tests), then `perl <mainFile>`; see {@link PERL_RULES}.
 */
export const createPerlLanguage = defineMultiplELanguageFactory({
  names: { id: 'perl', aliases: ['pl'], extension: '.pl' },
  interpreter: versionedTool('perl', ['perl'], ['-e', 'print $^V'], /v(\S+)/),
  warmSandbox: true,
  requirements: {
    libraries: [
      { name: 'Test::Deep', argv: ({ perl = 'perl' }) => [perl, '-MTest::Deep', '-e', '1'] },
    ],
    installHint: 'apt-get install perl libtest-deep-perl',
  },
  rules: PERL_RULES,
});
