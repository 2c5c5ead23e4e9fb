import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { exitCodeStatus, type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

/** The end of MultiPL-E's R test function: `test_humaneval <- function() {` … `}`, then its call. */
export const R_TEST_END = testFunctionEnd({
  header: /^test_humaneval <- function\(\) \{$/,
  close: /^\}$/,
  rest: /^\s*test_humaneval\(\)\s*$/,
});

/** Written after the last `stopifnot` of the test function: reached only when every check held. */
export const R_TEST_EVIDENCE = `    cat("\\n", "${SENTINEL_PARTS[0]}", "${SENTINEL_PARTS[1]}", "\\n", sep = "")\n`;

/**
 * MultiPL-E's R rule (`Rscript <file>`, 5 s): exit 0 is `OK`; `Timeout`; `unexpected` on
 * stderr is `SyntaxError`; an empty stderr `AssertionError`; otherwise `Exception`.
 * Evidence: the sentinel printed by {@link R_TEST_EVIDENCE} at the end of the benchmark's
 * test function.
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
  ...sentinelEvidence(R_TEST_END, R_TEST_EVIDENCE),
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
 * {@link R_TEST_EVIDENCE} into the test function (no step when the program does not end with
 * MultiPL-E's tests), then `Rscript <mainFile>`; see {@link R_RULES}.
 */
export const createRLanguage = defineMultiplELanguageFactory({
  names: { id: 'r', aliases: [], extension: '.r' },
  interpreter: versionedTool('Rscript', ['Rscript'], ['--version'], /version (\S+)/),
  requirements: { installHint: 'apt-get install r-base-core' },
  rules: R_RULES,
});
