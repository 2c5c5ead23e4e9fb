import { COMPLETION_SENTINEL, type Language } from '@passk/core';
import {
  defineMultiplELanguage,
  type MultiplELanguageOptions,
} from '../support/define-multipl-e-language.ts';
import { commandPath } from '../support/detect-toolchain.ts';
import { type MultiplERules, sentinelPrinted } from '../support/multipl-e-judge.ts';
import { RUN_STEP, scaled } from '../support/steps.ts';

/**
 * Runs the program file given as the first argument with `do` (as `perl <file>` would: same
 * package, `$0` set to the file) and prints the completion sentinel only when it returned:
 * `exit` anywhere ends the process first; a compile error or `die` is re-raised.
 */
export const PERL_WRAPPER = `my $passk_file = shift @ARGV; $0 = $passk_file; do "./$passk_file"; die $@ if $@; print "\\n${COMPLETION_SENTINEL}\\n";`;

/**
 * MultiPL-E's Perl rule (`perl <file>`, 15 s): `OK` when the exit code is 0 and neither
 * stdout nor stderr contains `ERROR`; `Timeout`; otherwise `Exception`. Evidence: the
 * sentinel printed by {@link PERL_WRAPPER} after the program returned.
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
  evidence: 'completion sentinel after the program returned',
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
 * Perl 5 with Test::Deep (Debian `libtest-deep-perl`). Judge `multipl-e`: one step
 * `perl -e <wrapper> <mainFile>`; see {@link PERL_RULES}.
 */
export function createPerlLanguage(options: MultiplELanguageOptions = {}): Language {
  return defineMultiplELanguage(
    {
      id: 'perl',
      aliases: ['pl'],
      extension: '.pl',
      requirements: {
        language: 'Perl',
        tools: [
          {
            key: 'perl',
            names: ['perl'],
            versionArgs: ['-e', 'print $^V'],
            versionPattern: /v(\S+)/,
          },
        ],
        libraries: [
          { name: 'Test::Deep', argv: ({ perl = 'perl' }) => [perl, '-MTest::Deep', '-e', '1'] },
        ],
        installHint: 'apt-get install perl libtest-deep-perl',
      },
      steps: (program, toolchain, { timeoutFactor }) => [
        {
          name: RUN_STEP,
          argv: [commandPath(toolchain, 'perl', 'perl'), '-e', PERL_WRAPPER, program.mainFile],
          timeoutMs: scaled(program.timeoutMs, timeoutFactor),
        },
      ],
      rules: PERL_RULES,
    },
    options,
  );
}
