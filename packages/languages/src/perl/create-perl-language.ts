import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { appendTailStep, runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** The file perl runs: the program followed by {@link PERL_TAIL}. */
export const PERL_DERIVED_FILE = '.passk-main.pl';

/**
 * Appended after the tests: reached only when nothing before it called `exit` (the tests
 * `exit 1` on a mismatch), `die`d, or failed to compile.
 */
export const PERL_TAIL = `\n;print "\\n${COMPLETION_SENTINEL}\\n";\n`;

/**
 * MultiPL-E's Perl rule (`perl <file>`, 15 s): `OK` when the exit code is 0 and neither
 * stdout nor stderr contains `ERROR`; `Timeout`; otherwise `Exception`. Evidence: the
 * sentinel printed by {@link PERL_TAIL}.
 */
export const PERL_RULES: MultiplERules = {
  language: 'Perl',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.exitCode !== 0 || run.stdout.includes('ERROR') || run.stderr.includes('ERROR')
        ? 'Exception'
        : 'OK',
  completed: sentinelPrinted,
  evidence: 'completion sentinel after the tests',
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
 * {@link PERL_DERIVED_FILE} (the program + {@link PERL_TAIL}), then `perl` runs it as it would
 * run the program; see {@link PERL_RULES}.
 */
export const createPerlLanguage = defineMultiplELanguageFactory({
  names: { id: 'perl', aliases: ['pl'], extension: '.pl' },
  requirements: {
    tools: [versionedTool('perl', ['perl'], ['-e', 'print $^V'], /v(\S+)/)],
    libraries: [
      { name: 'Test::Deep', argv: ({ perl = 'perl' }) => [perl, '-MTest::Deep', '-e', '1'] },
    ],
    installHint: 'apt-get install perl libtest-deep-perl',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    appendTailStep(program.mainFile, PERL_DERIVED_FILE, PERL_TAIL),
    runStep(program, timeoutFactor, [commandPath(toolchain, 'perl', 'perl'), PERL_DERIVED_FILE]),
  ],
  rules: PERL_RULES,
});
