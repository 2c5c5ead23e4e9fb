import type { Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import type { MultiplEIsolatedJudge } from '../define-multipl-e-language.ts';
import { commandPath } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { judgeStepAfterReference } from '../internal/judge-step-after-reference.ts';

/** Start of the one line `isolated-judge.php` writes on its stdout. */
export const PHP_VERDICT_MARK = '__passk_php_verdict__ ';

/** passk's isolated judge for MultiPL-E PHP programs (process A; see the file's header). */
export const PHP_ISOLATED_JUDGE_PATH = assetPath('php/isolated-judge.php');

/** The files of the judge: A and B (`isolated-candidate.php`). */
const JUDGE_FILES = [PHP_ISOLATED_JUDGE_PATH, assetPath('php/isolated-candidate.php')];

/**
 * `php` options of A: FFI on (A makes itself non-dumpable through it; PHP's default `preload`
 * allows it on the command line too), its own errors on stderr (stdout carries the verdict),
 * no memory limit of its own (the sandbox's applies) for the answers it holds.
 */
export const PHP_JUDGE_OPTIONS = [
  '-d',
  'ffi.enable=1',
  '-d',
  'display_errors=stderr',
  '-d',
  'memory_limit=-1',
] as const;

/**
 * The step that runs the benchmark's tests of `program` apart from the candidate's code
 * (`php … isolated-judge.php <mainFile> <timeoutMs>`), after the reference run in a fresh work
 * area (see `judgeStepAfterReference`): the tests get
 * the program's time limit × `timeoutFactor`, the step twice that + 3 s. Its exit code never
 * stops the job. No environment of its own, so that a warm sandbox can run it.
 */
export function phpIsolatedJudgeStep(
  program: Program,
  toolchain: ToolchainInfo,
  options: StepOptions,
): Step {
  return judgeStepAfterReference(program, options, {
    argv: (timeoutMs) => [
      commandPath(toolchain, 'php', 'php'),
      ...PHP_JUDGE_OPTIONS,
      PHP_ISOLATED_JUDGE_PATH,
      program.mainFile,
      String(timeoutMs),
    ],
    files: JUDGE_FILES,
  });
}

/** PHP's isolated judge for `defineMultiplELanguageFactory` (see `isolated-judge.php`). */
export const PHP_ISOLATED_JUDGE: MultiplEIsolatedJudge = {
  steps: (program, toolchain, options) => [phpIsolatedJudgeStep(program, toolchain, options)],
  mark: PHP_VERDICT_MARK,
};
