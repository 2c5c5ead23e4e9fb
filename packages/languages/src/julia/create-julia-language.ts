import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import {
  exceptionWhenStderrEmpty,
  type MultiplERules,
  sentinelEvidence,
} from '../multipl-e-judge.ts';

/** The end of MultiPL-E's Julia tests: the `@testset begin` … `end` block that ends the file. */
export const JULIA_TEST_END = testFunctionEnd({
  header: /^@testset begin$/,
  close: /^end$/,
  rest: /^\s*$/,
});

/**
 * Written after the last `@test` of the test set: reached only when nothing before it exited
 * or threw (a failed `@test` makes the test set throw when it ends, after this line).
 */
export const JULIA_TEST_EVIDENCE = `print("\\n", "${SENTINEL_PARTS[0]}", "${SENTINEL_PARTS[1]}", "\\n")\n`;

/**
 * MultiPL-E's Julia rule (`julia <file>`, 5 s): exit 0 is `OK`; `Timeout`; a non-zero exit is
 * `Exception` with an empty stderr and `SyntaxError` otherwise (failed `@test`s included).
 * Evidence: the sentinel printed by {@link JULIA_TEST_EVIDENCE} inside the benchmark's test set.
 */
export const JULIA_RULES: MultiplERules = {
  language: 'Julia',
  runStatus: exceptionWhenStderrEmpty,
  ...sentinelEvidence(JULIA_TEST_END, JULIA_TEST_EVIDENCE, 'from the end of the test set'),
  failureStatus: (word, run) => {
    if (word !== 'SyntaxError') return undefined;
    if (/Test Failed|Some tests did not pass/.test(run.stderr)) return 'failed';
    if (/ParseError|syntax:/.test(run.stderr)) return 'compile_error';
    return 'runtime_error';
  },
  outOfMemory: /OutOfMemoryError/,
};

/**
 * Julia (not packaged by Debian; MultiPL-E's container has 1.8.2). Judge `multipl-e`:
 * `prepare` writes {@link JULIA_TEST_EVIDENCE} into the test set (no step when the program
 * does not end with MultiPL-E's tests), then `julia <mainFile>`; see {@link JULIA_RULES}. No address-space limit by
 * default: Julia reserves far more than it uses.
 */
export const createJuliaLanguage = defineMultiplELanguageFactory({
  names: { id: 'julia', aliases: ['jl'], extension: '.jl' },
  interpreter: versionedTool('julia', ['julia'], ['--version'], /version (\S+)/),
  requirements: {
    installHint:
      'Julia has no Debian package: install it from julialang.org (juliaup) and put `julia` on PATH',
  },
  rules: JULIA_RULES,
  defaultMaxMemoryBytes: 0,
});
