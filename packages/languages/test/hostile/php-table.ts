import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.php);

/** A single-quoted PHP string (nothing is interpolated). */
const php = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    $reached = [];',
    `    foreach ([${targets.map(php).join(', ')}] as $path) {`,
    "        if (@file_put_contents($path, 'hostile') !== false && $path === " +
      `${php(guarded)}) { $reached[] = "wrote $path"; }`,
    '    }',
    `    if (@file_get_contents(${php(read)}) !== false) { $reached[] = 'read'; }`,
    "    if ($reached) { throw new Exception('reached ' . implode(', ', $reached)); }",
    '    return $x + $y;',
  ].join('\n');

/**
 * PHP: MultiPL-E's program (`php main.php`, exit code; evidence: the sentinel printed by
 * `auto_append_file`, which PHP runs only when the script ends normally).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `    exec(${php(forkBombCommand(c))});\n    while (true) {}`, SHORT_TIMEOUT_MS),
  ),
  hostile(
    'memory-bomb',
    "str_repeat('x', 2 ** 33) without PHP's memory_limit",
    ['memory_limit'],
    body(
      () =>
        "    ini_set('memory_limit', '-1');\n    $s = str_repeat('x', 2 ** 33);\n    return $x + $y;",
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        "    $handle = fopen('filler', 'w');",
        "    $chunk = str_repeat('x', 1 << 20);",
        '    while (true) { fwrite($handle, $chunk); }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'echo without end',
    ['output_limit'],
    body(() => "    while (true) { echo str_repeat('x', 65536); }"),
  ),
  hostile(
    'endless-sleep',
    'sleep(1000)',
    ['timeout'],
    body(() => '    sleep(1000);\n    return $x + $y;', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) =>
      [
        `    $process = proc_open(${php(daemonCommand(c))}, [0 => ['file', '/dev/null', 'r'], 1 => STDOUT, 2 => STDERR], $pipes);`,
        '    proc_close($process);',
        '    return $x + $y;',
      ].join('\n'),
    ),
    'a setsid shell loop holding stdout (proc_open), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `    if (getenv(${php(c.apiKeyName)}) !== false) { throw new Exception('leaked in the environment'); }`,
        "    foreach (glob('/proc/[0-9]*/environ') as $file) {",
        `        if (str_contains((string) @file_get_contents($file), ${php(c.apiKey)})) { throw new Exception("leaked in $file"); }`,
        '    }',
        '    return $x + $y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (fsockopen)',
    ['passed'],
    body((c) =>
      [
        `    foreach ([['127.0.0.1', ${c.port}], ['1.1.1.1', 80]] as [$host, $port]) {`,
        '        if (@fsockopen($host, $port, $code, $message, 2)) { throw new Exception("connected to $host"); }',
        '    }',
        '    return $x + $y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes STDOUT and STDERR (the tests complete; no sentinel without stdout)',
    ['runtime_error'],
    body(() =>
      [
        '    static $closed = false;',
        '    if (!$closed) { fclose(STDOUT); fclose(STDERR); $closed = true; }',
        '    return $x + $y;',
      ].join('\n'),
    ),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '    stream_get_contents(STDIN);\n    return $x + $y;'),
  ),
  hostile(
    'early-exit',
    'exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    exit(0);'),
    'passed',
  ),
  hostile(
    'early-exit',
    'die()',
    ['runtime_error'],
    body(() => '    die();'),
    'passed',
  ),
  row.killParent(body(() => '    posix_kill(posix_getppid(), 9);\n    return $x + $y;')),
  row.killSelf(body(() => '    posix_kill(getmypid(), 9);\n    return $x + $y;')),
];

export const PHP_TABLE: HostileTable = { programs: PROGRAMS };
