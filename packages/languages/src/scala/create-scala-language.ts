import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { buildStep, runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** `assets/scala/PasskMain.scala`: an entry point that calls `Problem.main`, then prints the sentinel. */
export const SCALA_ENTRY_PATH = assetPath('scala/PasskMain.scala');

/** MultiPL-E's limit of `scalac`. */
export const SCALA_BUILD_TIMEOUT_MS = 45_000;

/**
 * MultiPL-E's Scala rule (`scalac -d <dir> <file>`, 45 s, non-zero ⇒ `SyntaxError`; `scala
 * -cp <dir> Problem`, 15 s): `OK` needs exit 0 **and** an empty stderr; `Timeout`; otherwise
 * `Exception`. Evidence: the sentinel printed by `PasskMain` after `Problem.main` returned.
 */
export const SCALA_RULES: MultiplERules = {
  language: 'Scala',
  buildStep: 'build',
  // A timed-out scalac has exit code -1, which MultiPL-E reports as a failed build.
  buildStatus: () => 'SyntaxError',
  runStatus: (run) =>
    run.timedOut ? 'Timeout' : run.exitCode === 0 && run.stderrBytes === 0 ? 'OK' : 'Exception',
  completed: sentinelPrinted,
  evidence: 'completion sentinel after Problem.main returned',
  failureStatus: (word, run) =>
    word === 'Exception' && run.stderr.includes('java.lang.AssertionError') ? 'failed' : undefined,
  outOfMemory: /java\.lang\.OutOfMemoryError/,
};

/**
 * Scala 2 (`scalac` + `scala`; Debian's 2.11.12 is the version of MultiPL-E's Ubuntu 22.04
 * container). Judge `multipl-e`: `build` compiles the program with `PasskMain.scala` into the
 * work directory, `run` runs `PasskMain`; see {@link SCALA_RULES}. No address-space limit by
 * default: the JVM reserves far more than it uses.
 */
export const createScalaLanguage = defineMultiplELanguageFactory({
  names: { id: 'scala', aliases: [], extension: '.scala' },
  requirements: {
    tools: [
      versionedTool('scalac', ['scalac'], ['-version'], /version (\S+)/),
      { key: 'scala', names: ['scala'] },
    ],
    installHint: 'apt-get install scala',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    buildStep(
      [commandPath(toolchain, 'scalac', 'scalac'), '-d', '.', program.mainFile, SCALA_ENTRY_PATH],
      SCALA_BUILD_TIMEOUT_MS,
      timeoutFactor,
      { mounts: [{ path: SCALA_ENTRY_PATH }] },
    ),
    runStep(program, timeoutFactor, [
      commandPath(toolchain, 'scala', 'scala'),
      '-cp',
      '.',
      'PasskMain',
    ]),
  ],
  rules: SCALA_RULES,
  defaultMaxMemoryBytes: 0,
});
