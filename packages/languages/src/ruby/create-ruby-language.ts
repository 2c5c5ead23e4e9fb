import type { StepResult } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { exceptionWhenStderrEmpty, type MultiplERules } from '../multipl-e-judge.ts';
import { RUBY_ISOLATED_JUDGE } from './ruby-isolated-judge.ts';

const SUMMARY = /^(\d+) tests, \d+ assertions, (\d+) failures, (\d+) errors/m;

/** True when Test::Unit's summary shows at least one test and no failure or error. */
export function testUnitPassed(run: StepResult): boolean {
  const match = SUMMARY.exec(run.stdoutTail);
  return match !== null && Number(match[1]) > 0 && match[2] === '0' && match[3] === '0';
}

/**
 * MultiPL-E's Ruby rule (`ruby <file>`, 5 s): exit 0 is `OK`; a non-zero exit is
 * `Exception` with empty stderr (Test::Unit reports failures on stdout) and `SyntaxError`
 * otherwise; a timeout `Timeout`. Evidence: Test::Unit's summary (`N tests, …, 0 failures,
 * 0 errors` with N ≥ 1): an `exit(0)` inside a test passes through Test::Unit, which then
 * reports `0 tests` and exits 0.
 */
export const RUBY_RULES: MultiplERules = {
  language: 'Ruby',
  runStatus: exceptionWhenStderrEmpty,
  completed: testUnitPassed,
  evidence: 'Test::Unit summary with at least one test and no failures or errors',
  failureStatus: (_word, run) => {
    const match = SUMMARY.exec(run.stdout);
    if (match !== null && match[2] !== '0') return 'failed';
    if (/syntax error|SyntaxError/.test(run.stderr)) return 'compile_error';
    return 'runtime_error';
  },
  outOfMemory: /NoMemoryError|failed to allocate memory/,
};

/**
 * Ruby with Test::Unit (Debian's ruby bundles the `test-unit` gem). Judge `multipl-e`: the
 * reference run `ruby <mainFile>` judged by {@link RUBY_RULES}, then the isolated judge's step
 * `judge` (`ruby isolated_judge.rb <mainFile>`: the tests in one process, the candidate's code
 * in another, values crossing as plain data); a pass must pass both, and the reference's pass
 * is kept in `Verdict.reference` when the isolated tests refuse it.
 */
export const createRubyLanguage = defineMultiplELanguageFactory({
  names: { id: 'ruby', aliases: ['rb'], extension: '.rb' },
  interpreter: versionedTool('ruby', ['ruby'], ['--version'], /ruby (\S+)/),
  requirements: {
    libraries: [
      {
        name: 'test-unit',
        argv: ({ ruby = 'ruby' }) => [
          ruby,
          '-e',
          "require 'test/unit'; Test::Unit::AutoRunner.need_auto_run = false",
        ],
      },
      {
        name: "fiddle, json and bigdecimal (passk's isolated judge)",
        argv: ({ ruby = 'ruby' }) => [
          ruby,
          '-e',
          "require 'fiddle'; require 'json'; require 'bigdecimal'",
        ],
      },
    ],
    installHint: 'apt-get install ruby (its bundled test-unit gem) or ruby-test-unit',
  },
  rules: RUBY_RULES,
  isolatedJudge: RUBY_ISOLATED_JUDGE,
});
