import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** Evaluated after the module (and its `main` submodule) ran: prints the sentinel. */
export const RACKET_SENTINEL_EXPRESSION = `(display ${JSON.stringify(`\n${COMPLETION_SENTINEL}\n`)})`;

/**
 * MultiPL-E's Racket rule (`racket <file>`, 15 s): `OK` needs exit 0 **and** an empty stderr
 * (rackunit reports failures on stderr and exits 0); otherwise `SyntaxError` when stderr
 * has `read-syntax`, else `Exception`. Evidence: the sentinel printed after the module ran
 * (`racket -t <file> -l racket/base -e <display>`: `-t` requires the module and its `main`
 * submodule as `racket <file>` does; an `(exit 0)` inside it ends the process first).
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
  evidence: 'completion sentinel after the module ran',
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
 * Racket with rackunit (Debian `racket`). Judge `multipl-e`: one step; see
 * {@link RACKET_RULES}.
 */
export const createRacketLanguage = defineMultiplELanguageFactory({
  names: { id: 'racket', aliases: ['rkt'], extension: '.rkt' },
  requirements: {
    tools: [versionedTool('racket', ['racket'], ['--version'], /v(\d[\d.]*)/)],
    libraries: [
      {
        name: 'rackunit',
        argv: ({ racket = 'racket' }) => [racket, '-l', 'racket/base', '-l', 'rackunit'],
      },
    ],
    installHint: 'apt-get install racket',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    runStep(program, timeoutFactor, [
      commandPath(toolchain, 'racket', 'racket'),
      '-t',
      program.mainFile,
      '-l',
      'racket/base',
      '-e',
      RACKET_SENTINEL_EXPRESSION,
    ]),
  ],
  rules: RACKET_RULES,
});
