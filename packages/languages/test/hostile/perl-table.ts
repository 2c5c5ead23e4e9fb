import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.perl);

/** A single-quoted Perl string (nothing is interpolated). */
const pl = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Tries to write every target and to read `read`; dies if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    my @reached;',
    `    for my $path (${targets.map(pl).join(', ')}) {`,
    "        if (open(my $handle, '>', $path)) {",
    "            print $handle 'hostile';",
    '            close($handle);',
    `            push @reached, "wrote $path" if $path eq ${pl(guarded)};`,
    '        }',
    '    }',
    `    push @reached, 'read' if open(my $handle, '<', ${pl(read)});`,
    '    die "reached @reached" if @reached;',
    '    return $x + $y;',
  ].join('\n');

/**
 * Perl + Test::Deep: MultiPL-E's program (`perl main.pl`; exit code 0 and no "ERROR" passes;
 * evidence: the sentinel line passk appends after the tests).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `    system(${pl(forkBombCommand(c))});\n    1 while 1;`, SHORT_TIMEOUT_MS),
    'fork without end',
  ),
  hostile(
    'memory-bomb',
    "'x' x 2**33",
    ['memory_limit'],
    body(() => "    my $s = 'x' x (2**33);\n    return $x + $y;"),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        "    open(my $handle, '>', 'filler') or die;",
        "    my $chunk = 'x' x 1048576;",
        '    print $handle $chunk while 1;',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'print without end',
    ['output_limit'],
    body(() => "    print 'x' x 65536 while 1;"),
  ),
  hostile(
    'endless-sleep',
    'sleep 1000',
    ['timeout'],
    body(() => '    sleep 1000;\n    return $x + $y;', SHORT_TIMEOUT_MS),
  ),
  row.daemon(body((c) => `    system(${pl(daemonCommand(c))});\n    return $x + $y;`)),
  row.apiKey(
    body((c) =>
      [
        `    die 'leaked in the environment' if exists $ENV{${pl(c.apiKeyName)}};`,
        "    for my $file (glob('/proc/[0-9]*/environ')) {",
        "        open(my $handle, '<', $file) or next;",
        '        local $/;',
        '        my $environ = <$handle>;',
        `        die "leaked in $file" if defined $environ && index($environ, ${pl(c.apiKey)}) >= 0;`,
        '    }',
        '    return $x + $y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (IO::Socket::INET)',
    ['passed'],
    body((c) =>
      [
        '    require IO::Socket::INET;',
        `    for my $address ('127.0.0.1:${c.port}', '1.1.1.1:80') {`,
        '        my $socket = IO::Socket::INET->new(PeerAddr => $address, Timeout => 2);',
        '        die "connected to $address" if $socket;',
        '    }',
        '    return $x + $y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes stdout and stderr (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    body(() => '    close(STDOUT);\n    close(STDERR);\n    return $x + $y;'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '    my @lines = <STDIN>;\n    return $x + $y;'),
  ),
  hostile(
    'early-exit',
    'exit 0 before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    exit 0;'),
    'passed',
  ),
  hostile(
    'early-exit',
    'POSIX::_exit(0)',
    ['runtime_error'],
    body(() => '    require POSIX;\n    POSIX::_exit(0);'),
    'passed',
  ),
  row.killParent(body(() => "    kill 'KILL', getppid();\n    return $x + $y;")),
  row.killSelf(body(() => "    kill 'KILL', $$;\n    return $x + $y;")),
];

export const PERL_TABLE: HostileTable = { programs: PROGRAMS };
