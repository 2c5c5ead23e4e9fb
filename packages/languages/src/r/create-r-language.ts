import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { appendTailStep, runStep } from '../internal/steps.ts';
import { exitCodeStatus, type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

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
  runStatus: exitCodeStatus((run) =>
    run.stderr.includes('unexpected')
      ? 'SyntaxError'
      : run.stderr.trim() === ''
        ? 'AssertionError'
        : 'Exception',
  ),
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
export const createRLanguage = defineMultiplELanguageFactory({
  names: { id: 'r', aliases: [], extension: '.r' },
  requirements: {
    tools: [versionedTool('Rscript', ['Rscript'], ['--version'], /version (\S+)/)],
    installHint: 'apt-get install r-base-core',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    appendTailStep(program.mainFile, R_DERIVED_FILE, R_TAIL),
    runStep(program, timeoutFactor, [commandPath(toolchain, 'Rscript', 'Rscript'), R_DERIVED_FILE]),
  ],
  rules: R_RULES,
});
