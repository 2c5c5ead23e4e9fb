import { COMPLETION_SENTINEL } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { runStep } from '../internal/steps.ts';
import { exitCodeStatus, type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** The file bash runs: the program followed by {@link SHELL_TAIL}. */
export const SHELL_DERIVED_FILE = '.passk-main.sh';

/**
 * Appended after the tests: keeps the script's exit status and prints the sentinel when it
 * is 0. Not reached after an `exit`, after `set -e` stopped the script, or after a syntax
 * error (bash stops reading a script there, and exits with the last command's status). A
 * failing `printf` (stdout closed) must not end the script under the tests' `set -e`: the
 * exit status stays the program's.
 */
export const SHELL_TAIL = `\n__passk_status=$?\nif [ "$__passk_status" -eq 0 ]; then printf '\\n%s\\n' '${COMPLETION_SENTINEL}' || :; fi\nexit "$__passk_status"\n`;

/** Copies the program with the tail appended, then runs the copy as a script file. */
const LAUNCH = 'cat -- "$1" > "$2" && printf "%s" "$3" >> "$2" && exec "$BASH" "$2"';

/**
 * MultiPL-E's shell rule (`bash <file>`, 15 s): exit 0 is `OK`; `Timeout`; `syntax error` on
 * stderr is `SyntaxError`; otherwise `Exception`. Evidence: the sentinel printed by
 * {@link SHELL_TAIL}. This matters beyond `exit 0`: bash stops at a syntax error inside a
 * function body and exits with the status of the last command it ran, often 0, so
 * MultiPL-E's rule passes a program whose tests never ran.
 */
export const SHELL_RULES: MultiplERules = {
  language: 'Shell',
  runStatus: exitCodeStatus((run) =>
    run.stderr.includes('syntax error') ? 'SyntaxError' : 'Exception',
  ),
  completed: sentinelPrinted,
  evidence: 'completion sentinel after the tests',
  // A failed `[[ … ]]` under `set -e` ends the script with status 1 and prints nothing.
  failureStatus: (word, run) =>
    word === 'Exception' && run.exitCode === 1 && run.stderr.trim() === '' ? 'failed' : undefined,
  // bash's own `xmalloc`/`xrealloc` failures, and those of the tools scripts run (coreutils,
  // grep, sed: "memory exhausted").
  outOfMemory: /Cannot allocate memory|x(?:m|re)alloc: .*cannot allocate|: memory exhausted/,
};

/**
 * Bash. Judge `multipl-e`: one step, `bash -c <launch>` copies the program to
 * {@link SHELL_DERIVED_FILE} with {@link SHELL_TAIL} appended and `exec`s `bash` on it (the
 * script is read as a file, exactly as `bash <file>` reads it); see {@link SHELL_RULES}.
 */
export const createShellLanguage = defineMultiplELanguageFactory({
  names: { id: 'shell', aliases: ['sh', 'bash'], extension: '.sh' },
  requirements: {
    tools: [versionedTool('bash', ['bash'], ['--version'], /version (\S+)/)],
    installHint: 'apt-get install bash',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    runStep(program, timeoutFactor, [
      commandPath(toolchain, 'bash', 'bash'),
      '-c',
      LAUNCH,
      'bash',
      program.mainFile,
      SHELL_DERIVED_FILE,
      SHELL_TAIL,
    ]),
  ],
  rules: SHELL_RULES,
});
