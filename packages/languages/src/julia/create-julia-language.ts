import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { appendTailStep, runStep } from '../internal/steps.ts';
import { exitCodeStatus, type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** The file julia runs: the program followed by {@link JULIA_TAIL}. */
export const JULIA_DERIVED_FILE = '.passk-main.jl';

/** Appended after the tests: reached only when nothing before it exited or threw. */
export const JULIA_TAIL = `\nprint(${JSON.stringify(`\n${COMPLETION_SENTINEL}\n`)})\n`;

/**
 * MultiPL-E's Julia rule (`julia <file>`, 5 s): exit 0 is `OK`; `Timeout`; a non-zero exit is
 * `Exception` with an empty stderr and `SyntaxError` otherwise (failed `@test`s included).
 * Evidence: the sentinel printed by {@link JULIA_TAIL}.
 */
export const JULIA_RULES: MultiplERules = {
  language: 'Julia',
  runStatus: exitCodeStatus((run) => (run.stderr.trim() === '' ? 'Exception' : 'SyntaxError')),
  completed: sentinelPrinted,
  evidence: 'completion sentinel after the tests',
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
 * `prepare` writes {@link JULIA_DERIVED_FILE} (the program + {@link JULIA_TAIL}), then `julia`
 * runs it as a script; see {@link JULIA_RULES}. No address-space limit by
 * default: Julia reserves far more than it uses.
 */
export const createJuliaLanguage = defineMultiplELanguageFactory({
  names: { id: 'julia', aliases: ['jl'], extension: '.jl' },
  requirements: {
    tools: [versionedTool('julia', ['julia'], ['--version'], /version (\S+)/)],
    installHint:
      'Julia has no Debian package: install it from julialang.org (juliaup) and put `julia` on PATH',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    appendTailStep(program.mainFile, JULIA_DERIVED_FILE, JULIA_TAIL),
    runStep(program, timeoutFactor, [commandPath(toolchain, 'julia', 'julia'), JULIA_DERIVED_FILE]),
  ],
  rules: JULIA_RULES,
  defaultMaxMemoryBytes: 0,
});
