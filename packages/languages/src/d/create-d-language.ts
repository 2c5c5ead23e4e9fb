import type { StepResult } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { buildStep, runStep } from '../internal/steps.ts';
import { exitCodeStatus, type MultiplERules } from '../multipl-e-judge.ts';

/** MultiPL-E's limit of `rdmd` (build and run together); passk gives it to each. */
export const D_BUILD_TIMEOUT_MS = 15_000;

/** druntime's line after every module's unittests passed (before `main` runs). */
const UNITTESTS_PASSED = /^[1-9]\d* modules passed unittests\s*$/m;

/** True when druntime reported (on stderr) that every module's unittests passed. */
export function druntimeUnittestsPassed(run: StepResult): boolean {
  return UNITTESTS_PASSED.test(run.stderrTail);
}

const status = exitCodeStatus((outcome) =>
  outcome.stderr.includes('Error:') ? 'SyntaxError' : 'Exception',
);

/**
 * MultiPL-E's D rule (`rdmd -unittest -main <file>`, 15 s): exit 0 is `OK`; `Timeout`;
 * `Error:` on stderr (a compiler error) is `SyntaxError`; otherwise `Exception`. rdmd builds
 * then runs; passk runs the same compiler command and the binary as two steps with the same
 * rule. Evidence: druntime's `N modules passed unittests` (an early `exit(0)` inside a
 * unittest ends the process before it).
 */
export const D_RULES: MultiplERules = {
  language: 'D',
  buildStep: 'build',
  buildStatus: status,
  runStatus: status,
  completed: druntimeUnittestsPassed,
  evidence: "druntime's 'modules passed unittests' line",
  // druntime prints a failed unittest assertion on stdout, its summary on stderr.
  failureStatus: (word, run) =>
    word === 'Exception' &&
    /Assertion failure|AssertError|unittest failure/.test(`${run.stdout}\n${run.stderr}`)
      ? 'failed'
      : undefined,
  outOfMemory: /OutOfMemoryError|Memory allocation failed/,
};

/**
 * D. `rdmd` is not packaged by Debian; passk runs its compiler directly: `dmd` when installed
 * (the reference's), else LDC's dmd-compatible `ldmd2` (Debian `ldc`), with rdmd's flags
 * `-unittest -main`. Judge `multipl-e`: steps `build` and `run`; see {@link D_RULES}.
 */
export const createDLanguage = defineMultiplELanguageFactory({
  names: { id: 'd', aliases: ['dlang'], extension: '.d' },
  requirements: {
    tools: [versionedTool('dmd', ['dmd', 'ldmd2'], ['--version'], /^(.*\S)\s*$/m)],
    installHint: 'apt-get install ldc',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    buildStep(
      [commandPath(toolchain, 'dmd', 'ldmd2'), '-unittest', '-main', '-ofmain', program.mainFile],
      D_BUILD_TIMEOUT_MS,
      timeoutFactor,
    ),
    runStep(program, timeoutFactor, ['./main']),
  ],
  rules: D_RULES,
});
