import type { Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import type { MultiplEIsolatedJudge } from '../define-multipl-e-language.ts';
import { commandPath } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { judgeStepAfterReference } from '../internal/judge-step-after-reference.ts';

/** Start of the one line `isolated_judge.rb` writes on its stdout. */
export const RUBY_VERDICT_MARK = '__passk_rb_verdict__ ';

/** passk's isolated judge for MultiPL-E Ruby programs (process A; see the file's header). */
export const RUBY_ISOLATED_JUDGE_PATH = assetPath('ruby/isolated_judge.rb');

/** The files of the judge: A, B (`isolated_candidate.rb`) and the plain-data forms they share. */
const JUDGE_FILES = [
  RUBY_ISOLATED_JUDGE_PATH,
  assetPath('ruby/isolated_candidate.rb'),
  assetPath('ruby/isolated_plain_data.rb'),
];

/**
 * `HOME` of the judge: outside the work directory, so that no gem a program left under
 * `~/.local/share/gem` can stand in for the judge's test-unit.
 */
const JUDGE_HOME = '/nonexistent';

/**
 * The step that runs the benchmark's tests of `program` apart from the candidate's code
 * (`ruby isolated_judge.rb <mainFile>`), after the reference run in a fresh work area (see
 * `judgeStepAfterReference`): the tests get the program's
 * time limit × `timeoutFactor`, the step twice that + 3 s. Its exit code never stops the job.
 */
export function rubyIsolatedJudgeStep(
  program: Program,
  toolchain: ToolchainInfo,
  options: StepOptions,
): Step {
  return judgeStepAfterReference(program, options, {
    argv: () => [
      commandPath(toolchain, 'ruby', 'ruby'),
      RUBY_ISOLATED_JUDGE_PATH,
      program.mainFile,
    ],
    env: (timeoutMs) => ({ PASSK_JUDGE_TIMEOUT_MS: String(timeoutMs), HOME: JUDGE_HOME }),
    files: JUDGE_FILES,
  });
}

/** Ruby's isolated judge for `defineMultiplELanguageFactory` (see `isolated_judge.rb`). */
export const RUBY_ISOLATED_JUDGE: MultiplEIsolatedJudge = {
  steps: (program, toolchain, options) => [rubyIsolatedJudgeStep(program, toolchain, options)],
  mark: RUBY_VERDICT_MARK,
};
