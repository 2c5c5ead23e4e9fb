import { COMPLETION_SENTINEL, type Language } from '@passk/core';
import {
  defineMultiplELanguage,
  type MultiplELanguageOptions,
} from '../support/define-multipl-e-language.ts';
import { commandPath } from '../support/detect-toolchain.ts';
import { type MultiplERules, sentinelPrinted } from '../support/multipl-e-judge.ts';
import { appendTailStep, RUN_STEP, scaled } from '../support/steps.ts';

/** The file Rscript runs: the program followed by {@link R_TAIL}. */
export const R_DERIVED_FILE = '.passk-main.r';

/** Appended after the tests: reached only when the script was not ended by `quit()`/`q()` or an error. */
export const R_TAIL = `\ncat("\\n${COMPLETION_SENTINEL}\\n")\n`;

/**
 * MultiPL-E's R rule (`Rscript <file>`, 5 s): exit 0 is `OK`; `Timeout`; `unexpected` on
 * stderr is `SyntaxError`; an empty stderr `AssertionError`; otherwise `Exception`.
 * Evidence: the sentinel printed by {@link R_TAIL}.
 */
export const R_RULES: MultiplERules = {
  language: 'R',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.exitCode === 0
        ? 'OK'
        : run.stderr.includes('unexpected')
          ? 'SyntaxError'
          : run.stderr.trim() === ''
            ? 'AssertionError'
            : 'Exception',
  completed: sentinelPrinted,
  evidence: 'completion sentinel after the tests',
  // A failed `stopifnot` says "… is not TRUE"; an empty stderr is MultiPL-E's AssertionError
  // but, for a process killed by a signal (exit code -<signal>), no wrong answer.
  failureStatus: (word, run) =>
    word === 'Exception' && / is not TRUE/.test(run.stderr)
      ? 'failed'
      : word === 'AssertionError' && run.exitCode < 0
        ? 'runtime_error'
        : undefined,
  outOfMemory: /cannot allocate vector|memory exhausted/,
};

/**
 * R (`Rscript`, Debian `r-base-core`). Judge `multipl-e`: `prepare` writes
 * {@link R_DERIVED_FILE} (the program + {@link R_TAIL}), then `Rscript` runs it as a script,
 * exactly as it would run the program; see {@link R_RULES}.
 */
export function createRLanguage(options: MultiplELanguageOptions = {}): Language {
  return defineMultiplELanguage(
    {
      id: 'r',
      aliases: [],
      extension: '.r',
      requirements: {
        language: 'R',
        tools: [
          {
            key: 'Rscript',
            names: ['Rscript'],
            versionArgs: ['--version'],
            versionPattern: /version (\S+)/,
          },
        ],
        installHint: 'apt-get install r-base-core',
      },
      steps: (program, toolchain, { timeoutFactor }) => [
        appendTailStep(program.mainFile, R_DERIVED_FILE, R_TAIL),
        {
          name: RUN_STEP,
          argv: [commandPath(toolchain, 'Rscript', 'Rscript'), R_DERIVED_FILE],
          timeoutMs: scaled(program.timeoutMs, timeoutFactor),
        },
      ],
      rules: R_RULES,
    },
    options,
  );
}
