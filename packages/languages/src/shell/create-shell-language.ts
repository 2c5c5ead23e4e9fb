import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { exitCodeStatus, type MultiplERules, sentinelEvidence } from '../multipl-e-judge.ts';

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
 * Address-space limit of every process of a shell program: 256 MiB. Bash and the tools a
 * program calls need a few MiB each; a tool that buffers an endless input (`tail /dev/zero`,
 * `sort` of `yes`) grows only as fast as the machine fills pages (about 100 MiB per CPU-second
 * on a fresh VM), and would reach 4 GiB only long after the 15 s time limit: `timeout` on one
 * machine, `memory_limit` on another. At 256 MiB it is `memory_limit` everywhere.
 */
export const SHELL_MAX_MEMORY_BYTES = 256 * 1024 ** 2;

/**
 * MultiPL-E's shell rule (`bash <file>`, 15 s): exit 0 is `OK`; `Timeout`; `syntax error` on
 * stderr is `SyntaxError`; otherwise `Exception`. Evidence: the sentinel printed by
 * {@link SHELL_TEST_EVIDENCE} at the end of the benchmark's test function. This matters beyond `exit 0`: bash stops at a syntax error inside a
 * function body and exits with the status of the last command it ran, often 0, so
 * MultiPL-E's rule passes a program whose tests never ran.
 */
export const SHELL_RULES: MultiplERules = {
  language: 'Shell',
  runStatus: exitCodeStatus((run) =>
    run.stderr.includes('syntax error') ? 'SyntaxError' : 'Exception',
  ),
  ...sentinelEvidence(SHELL_TEST_END, SHELL_TEST_EVIDENCE),
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
export const createShellLanguage = defineMultiplELanguageFactory({
  names: { id: 'shell', aliases: ['sh', 'bash'], extension: '.sh' },
  interpreter: versionedTool('bash', ['bash'], ['--version'], /version (\S+)/),
  warmSandbox: true,
  requirements: { installHint: 'apt-get install bash' },
  rules: SHELL_RULES,
  defaultMaxMemoryBytes: SHELL_MAX_MEMORY_BYTES,
});
