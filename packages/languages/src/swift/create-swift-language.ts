import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { buildStep, runStep } from '../internal/steps.ts';
import { afterLastAssertion, SENTINEL_PARTS } from '../internal/test-evidence.ts';
import { type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

/**
 * The end of MultiPL-E's Swift tests, top-level `assert(…)` lines (there is no test function):
 * the end of a file whose last line is such an assertion.
 */
export const SWIFT_TEST_END = afterLastAssertion(/^assert\(.*\)\s*$/);

/** Written after the last assertion: reached only when none of the tests exited or trapped. */
export const SWIFT_TEST_EVIDENCE = `\nprint("\\n" + "${SENTINEL_PARTS[0]}" + "${SENTINEL_PARTS[1]}")\n`;

/** MultiPL-E's limit of `swiftc`. */
export const SWIFT_BUILD_TIMEOUT_MS = 45_000;

/**
 * MultiPL-E's Swift rule (`swiftc <file> -o <bin>`, 45 s: timeout ⇒ `Timeout`, non-zero ⇒
 * `SyntaxError`; `<bin>`, 5 s): exit 0 is `OK`, a timeout `Timeout`, otherwise `Exception`
 * (a failed `assert` traps). Evidence: the sentinel printed by {@link SWIFT_TEST_EVIDENCE}.
 */
export const SWIFT_RULES: MultiplERules = {
  language: 'Swift',
  buildStep: 'build',
  runStatus: (run) => (run.timedOut ? 'Timeout' : run.exitCode !== 0 ? 'Exception' : 'OK'),
  ...sentinelEvidence(SWIFT_TEST_END, SWIFT_TEST_EVIDENCE, 'after the last assertion'),
  failureStatus: (word, run) =>
    word === 'Exception' && run.stderr.includes('Assertion failed') ? 'failed' : undefined,
};

/**
 * Swift (not packaged by Debian; MultiPL-E's container has 5.7). Judge `multipl-e`:
 * `prepare` writes {@link SWIFT_TEST_EVIDENCE} after the last assertion (no step when the
 * program does not end with one), `build` compiles the main file, `run` runs the binary; see
 * {@link SWIFT_RULES}. No address-space limit by default (the Swift runtime reserves more
 * than it uses).
 */
export const createSwiftLanguage = defineMultiplELanguageFactory({
  names: { id: 'swift', aliases: [], extension: '.swift' },
  requirements: {
    tools: [versionedTool('swiftc', ['swiftc'], ['--version'], /Swift version (\S+)/)],
    installHint:
      'Swift has no Debian package: install a toolchain from swift.org and put `swiftc` on PATH',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    buildStep(
      [commandPath(toolchain, 'swiftc', 'swiftc'), program.mainFile, '-o', 'main'],
      SWIFT_BUILD_TIMEOUT_MS,
      timeoutFactor,
    ),
    runStep(program, timeoutFactor, ['./main']),
  ],
  rules: SWIFT_RULES,
  defaultMaxMemoryBytes: 0,
});
