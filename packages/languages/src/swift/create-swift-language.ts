import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { appendTailStep, buildStep, runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** The file swiftc compiles: the program followed by {@link SWIFT_TAIL} (still its only, hence main, file). */
export const SWIFT_DERIVED_FILE = '.passk-main.swift';

/** Appended after the tests' top-level code: reached only when none of it exited or trapped. */
export const SWIFT_TAIL = `\nprint(${JSON.stringify(`\n${COMPLETION_SENTINEL}`)})\n`;

/** MultiPL-E's limit of `swiftc`. */
export const SWIFT_BUILD_TIMEOUT_MS = 45_000;

/**
 * MultiPL-E's Swift rule (`swiftc <file> -o <bin>`, 45 s: timeout ⇒ `Timeout`, non-zero ⇒
 * `SyntaxError`; `<bin>`, 5 s): exit 0 is `OK`, a timeout `Timeout`, otherwise `Exception`
 * (a failed `assert` traps). Evidence: the sentinel printed by {@link SWIFT_TAIL}.
 */
export const SWIFT_RULES: MultiplERules = {
  language: 'Swift',
  buildStep: 'build',
  runStatus: (run) => (run.timedOut ? 'Timeout' : run.exitCode !== 0 ? 'Exception' : 'OK'),
  completed: sentinelPrinted,
  evidence: 'completion sentinel after the tests',
  failureStatus: (word, run) =>
    word === 'Exception' && run.stderr.includes('Assertion failed') ? 'failed' : undefined,
};

/**
 * Swift (not packaged by Debian; MultiPL-E's container has 5.7). Judge `multipl-e`:
 * `prepare` writes {@link SWIFT_DERIVED_FILE}, `build` compiles it, `run` runs the binary; see
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
    appendTailStep(program.mainFile, SWIFT_DERIVED_FILE, SWIFT_TAIL),
    buildStep(
      [commandPath(toolchain, 'swiftc', 'swiftc'), SWIFT_DERIVED_FILE, '-o', 'main'],
      SWIFT_BUILD_TIMEOUT_MS,
      timeoutFactor,
    ),
    runStep(program, timeoutFactor, ['./main']),
  ],
  rules: SWIFT_RULES,
  defaultMaxMemoryBytes: 0,
});
