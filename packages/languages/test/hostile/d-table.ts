import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { literal as d, daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.d);

/** Runs `/bin/sh -c <command>` with the program's stdin, stdout and stderr, and waits for it. */
const shell = (command: string): string =>
  `    import std.process : spawnShell, wait;\n    wait(spawnShell(${d(command)}));`;

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    import std.file : fileRead = read, fileWrite = write;',
    '    string[] reached;',
    `    foreach (path; [${targets.map(d).join(', ')}]) {`,
    '        try {',
    '            fileWrite(path, "hostile");',
    `            if (path == ${d(guarded)}) reached ~= "wrote " ~ path;`,
    '        } catch (Exception e) {}',
    '    }',
    '    try {',
    `        fileRead(${d(read)});`,
    '        reached ~= "read";',
    '    } catch (Exception e) {}',
    '    if (reached.length > 0) throw new Exception("reached something");',
    '    return x + y;',
  ].join('\n');

/**
 * D: MultiPL-E's program (rdmd's `-unittest -main` build with `ldmd2` or `dmd`, then the
 * binary; exit code; evidence: druntime's "N modules passed unittests").
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `${shell(forkBombCommand(c))}\n    while (true) {}`, SHORT_TIMEOUT_MS),
    'a shell fork bomb (spawnShell), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'new ubyte[](8 GiB) (OutOfMemoryError)',
    ['memory_limit'],
    body(() => '    auto big = new ubyte[](1UL << 33);\n    return x + y + big.length * 0;'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '    import std.stdio : File;',
        '    auto file = File("filler", "w");',
        '    auto chunk = new ubyte[](1 << 20);',
        '    while (true) file.rawWrite(chunk);',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'write to stdout without end',
    ['output_limit'],
    body(() =>
      [
        '    import std.stdio : write;',
        '    import std.array : replicate;',
        '    auto chunk = "x".replicate(65536);',
        '    while (true) write(chunk);',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-sleep',
    'Thread.sleep for 1000 s',
    ['timeout'],
    body(
      () =>
        '    import core.thread : Thread;\n    import core.time : seconds;\n    Thread.sleep(1000.seconds);\n    return x + y;',
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.daemon(
    body((c) => `${shell(daemonCommand(c))}\n    return x + y;`),
    'a setsid shell loop holding stdout (spawnShell), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        '    import std.process : environment;',
        '    import std.file : dirEntries, SpanMode, read;',
        '    import std.algorithm : canFind;',
        `    if (environment.get(${d(c.apiKeyName)}) !is null) throw new Exception("leaked in the environment");`,
        '    foreach (entry; dirEntries("/proc", SpanMode.shallow)) {',
        '        string environ;',
        '        try { environ = cast(string) read(entry.name ~ "/environ"); } catch (Exception e) { continue; }',
        `        if (environ.canFind(${d(c.apiKey)})) throw new Exception("leaked in " ~ entry.name);`,
        '    }',
        '    return x + y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (std.socket)',
    ['passed'],
    body((c) =>
      [
        '    import std.socket : InternetAddress, TcpSocket;',
        `    foreach (address; [new InternetAddress("127.0.0.1", ${c.port}), new InternetAddress("1.1.1.1", 80)]) {`,
        '        bool connected;',
        '        try { new TcpSocket(address); connected = true; } catch (Exception e) {}',
        '        if (connected) throw new Exception("connected to " ~ address.toString());',
        '    }',
        '    return x + y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes file descriptors 1 and 2 (the tests complete, druntime cannot report)',
    ['runtime_error'],
    body(
      () =>
        '    import core.sys.posix.unistd : close;\n    close(1);\n    close(2);\n    return x + y;',
    ),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(
      () => '    import std.stdio : stdin;\n    foreach (line; stdin.byLine) {}\n    return x + y;',
    ),
  ),
  hostile(
    'early-exit',
    'exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    import core.stdc.stdlib : exit;\n    exit(0);\n    return 0;'),
    'passed',
  ),
  row.killParent(
    body(
      () =>
        '    import core.sys.posix.signal : kill, SIGKILL;\n    import core.sys.posix.unistd : getppid;\n    kill(getppid(), SIGKILL);\n    return x + y;',
    ),
  ),
  row.killSelf(
    body(
      () =>
        '    import core.sys.posix.signal : kill, SIGKILL;\n    import core.sys.posix.unistd : getpid;\n    kill(getpid(), SIGKILL);\n    return x + y;',
    ),
  ),
];

export const D_TABLE: HostileTable = { programs: PROGRAMS };
