import type { Language } from '@passk/core';
import {
  defineMultiplELanguage,
  type MultiplELanguageOptions,
} from '../support/define-multipl-e-language.ts';
import { commandPath } from '../support/detect-toolchain.ts';
import { type MultiplERules, sentinelPrinted } from '../support/multipl-e-judge.ts';
import { RUN_STEP, scaled } from '../support/steps.ts';
import { SENTINEL_PARTS, testEvidenceSteps, testFunctionEnd } from '../support/test-evidence.ts';

/** The end of MultiPL-E's shell test function: `run_test() {` … `}`, then `run_test`. */
export const SHELL_TEST_END = testFunctionEnd({
  header: /^run_test\(\) \{$/,
  close: /^\}$/,
  rest: /^\s*run_test\s*$/,
});

/**
 * Written after the last `[[ … ]]` of the test function (which the tests run under `set -e`):
 * reached only when every check held. A failing `printf` (stdout closed) must not end the
 * script under `set -e`: the exit status stays the program's.
 */
export const SHELL_TEST_EVIDENCE = `    printf '\\n%s%s\\n' '${SENTINEL_PARTS[0]}' '${SENTINEL_PARTS[1]}' || :\n`;

/**
 * MultiPL-E's shell rule (`bash <file>`, 15 s): exit 0 is `OK`; `Timeout`; `syntax error` on
 * stderr is `SyntaxError`; otherwise `Exception`. Evidence: the sentinel printed by
 * {@link SHELL_TEST_EVIDENCE} at the end of the benchmark's test function. This matters beyond `exit 0`: bash stops at a syntax error inside a
 * function body and exits with the status of the last command it ran, often 0, so
 * MultiPL-E's rule passes a program whose tests never ran.
 */
export const SHELL_RULES: MultiplERules = {
  language: 'Shell',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.exitCode === 0
        ? 'OK'
        : run.stderr.includes('syntax error')
          ? 'SyntaxError'
          : 'Exception',
  completed: sentinelPrinted,
  evidence: 'completion sentinel from the end of the test function',
  // A failed `[[ … ]]` under `set -e` ends the script with status 1 and prints nothing.
  failureStatus: (word, run) =>
    word === 'Exception' && run.exitCode === 1 && run.stderr.trim() === '' ? 'failed' : undefined,
  // bash's own `xmalloc`/`xrealloc` failures, and those of the tools scripts run (coreutils,
  // grep, sed: "memory exhausted").
  outOfMemory: /Cannot allocate memory|x(?:m|re)alloc: .*cannot allocate|: memory exhausted/,
};

/**
 * Bash. Judge `multipl-e`: `prepare` writes {@link SHELL_TEST_EVIDENCE} into the test
 * function (no step when the program does not end with MultiPL-E's tests), then `bash <mainFile>`
 * as MultiPL-E runs it; see {@link SHELL_RULES}.
 */
export function createShellLanguage(options: MultiplELanguageOptions = {}): Language {
  return defineMultiplELanguage(
    {
      id: 'shell',
      aliases: ['sh', 'bash'],
      extension: '.sh',
      requirements: {
        language: 'Shell',
        tools: [
          {
            key: 'bash',
            names: ['bash'],
            versionArgs: ['--version'],
            versionPattern: /version (\S+)/,
          },
        ],
        installHint: 'apt-get install bash',
      },
      steps: (program, toolchain, { timeoutFactor }) => [
        ...testEvidenceSteps(program, SHELL_TEST_END, SHELL_TEST_EVIDENCE),
        {
          name: RUN_STEP,
          argv: [commandPath(toolchain, 'bash', 'bash'), program.mainFile],
          timeoutMs: scaled(program.timeoutMs, timeoutFactor),
        },
      ],
      rules: SHELL_RULES,
    },
    options,
  );
}
