import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.shell);

/** A single-quoted shell word. */
const sh = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/** Tries to write every target and to read `read`; exits 3 if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    `    for path in ${targets.map(sh).join(' ')}; do`,
    `        if (echo hostile > "$path") 2>/dev/null && [ "$path" = ${sh(guarded)} ]; then exit 3; fi`,
    '    done',
    `    if cat ${sh(read)} 2>/dev/null; then exit 3; fi`,
    '    echo $(( $1 + $2 ))',
  ].join('\n');

/**
 * Bash: MultiPL-E's program (`bash main.sh`, exit code; evidence: the sentinel line passk
 * appends after the tests). The tests call the function in `$(...)`, so code in it runs in a
 * subshell whose stdout the test reads; code after the function's `}` (written by a
 * completion that closes the function itself) runs when the script is loaded.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(body((c) => `    ${forkBombCommand(c)}\n    while :; do :; done`, SHORT_TIMEOUT_MS)),
  hostile(
    'memory-bomb',
    'tail /dev/zero: a tool keeps an endless line in memory',
    ['memory_limit'],
    body(() => '    line=$(tail /dev/zero) || exit 1\n    echo $(( $1 + $2 ))'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() => "    while :; do printf '%01048576d' 0; done > filler"),
  ),
  hostile(
    'endless-output',
    'printf to stderr without end (stdout is the test reading the answer)',
    ['output_limit'],
    body(() => '    while :; do printf "%065536d" 0 >&2; done'),
  ),
  hostile(
    'endless-sleep',
    'sleep 1000',
    ['timeout'],
    body(() => '    sleep 1000\n    echo $(( $1 + $2 ))', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body(
      (c) =>
        `    setsid /bin/sh -c 'trap "" HUP INT TERM; while :; do sleep 1; done' ${c.marker} </dev/null >/dev/null 2>&1 &\n    echo $(( $1 + $2 ))`,
    ),
    'a setsid shell loop (its output in /dev/null: $(...) would wait for it), then the right answer',
  ),
  hostile(
    'daemon',
    'a setsid shell loop holding the stdout $(...) reads (the test never gets its answer)',
    ['timeout'],
    body(
      (c) =>
        `    setsid /bin/sh -c 'trap "" HUP INT TERM; while :; do sleep 1; done' ${c.marker} </dev/null &\n    echo $(( $1 + $2 ))`,
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.apiKey(
    body((c) =>
      [
        `    if [ -n "\${${c.apiKeyName}+set}" ]; then exit 3; fi`,
        `    if grep -qsF ${sh(c.apiKey)} /proc/[0-9]*/environ; then exit 3; fi`,
        '    echo $(( $1 + $2 ))',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (/dev/tcp)',
    ['passed'],
    body((c) =>
      [
        `    for target in 127.0.0.1/${c.port} 1.1.1.1/80; do`,
        '        if (exec 3<>"/dev/tcp/$target") 2>/dev/null; then exit 3; fi',
        '    done',
        '    echo $(( $1 + $2 ))',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes stdout and stderr at load time (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    body(() => '    echo $(( $1 + $2 ))\n}\nexec >&- 2>&-\n_loaded() {\n    :'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '    cat > /dev/null\n    echo $(( $1 + $2 ))'),
  ),
  hostile(
    'early-exit',
    'exit 0 at load time, before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    echo $(( $1 + $2 ))\n}\nexit 0\n_loaded() {\n    :'),
    'passed',
  ),
  hostile(
    'early-exit',
    'a syntax error bash stops at with status 0 (the tests never run)',
    ['runtime_error'],
    body(() => '    if [[ x; then echo 1; fi'),
    'passed',
  ),
  hostile(
    'early-exit',
    'kill -TERM $$ (the script), then exit 0',
    ['runtime_error'],
    body(() => '    kill -TERM $$; exit 0'),
    'failed',
  ),
  row.killParent(
    body(() => '    kill -9 $PPID 2>/dev/null\n    echo $(( $1 + $2 ))'),
    "SIGKILL to the script's parent, then the right answer",
  ),
  row.killSelf(
    body(() => '    kill -9 $$\n    echo $(( $1 + $2 ))'),
    'SIGKILL to the script (its own test harness) before the tests',
  ),
];

export const SHELL_TABLE: HostileTable = { programs: PROGRAMS };
