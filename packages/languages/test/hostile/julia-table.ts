import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as jl } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.julia);

/** Runs `/bin/sh -c <command>` with the program's stdin, stdout and stderr, and waits for it. */
const shell = (command: string): string => `    run(Cmd(["/bin/sh", "-c", ${jl(command)}]))`;

/** Tries to write every target and to read `read`; errors if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    reached = String[]',
    `    for path in [${targets.map(jl).join(', ')}]`,
    '        try',
    '            write(path, "hostile")',
    `            path == ${jl(guarded)} && push!(reached, "wrote " * path)`,
    '        catch',
    '        end',
    '    end',
    '    try',
    `        read(${jl(read)}, String)`,
    '        push!(reached, "read")',
    '    catch',
    '    end',
    '    isempty(reached) || error("reached " * join(reached, ", "))',
    '    return x + y',
  ].join('\n');

/**
 * Julia: MultiPL-E's program (`julia main.jl`, exit code; evidence: the sentinel line passk
 * appends after the tests). No Julia toolchain exists on the machine this was written on
 * (Julia has no Debian package): the suite skips it with the reason, and these expectations
 * follow the plugin's rules without having been run.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `${shell(forkBombCommand(c))}\n    while true end`, SHORT_TIMEOUT_MS),
    'a shell fork bomb (run), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'Vector{UInt8}(undef, 2^62) (OutOfMemoryError)',
    ['memory_limit'],
    body(() => '    big = Vector{UInt8}(undef, 2^62)\n    return x + y + length(big) * 0'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '    open("filler", "w") do file',
        '        chunk = zeros(UInt8, 1 << 20)',
        '        while true',
        '            write(file, chunk)',
        '        end',
        '    end',
        '    return x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'print without end',
    ['output_limit'],
    body(() => '    while true\n        print("x"^65536)\n    end\n    return x + y'),
  ),
  hostile(
    'endless-sleep',
    'sleep(1000)',
    ['timeout'],
    body(() => '    sleep(1000)\n    return x + y', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) => `${shell(daemonCommand(c))}\n    return x + y`),
    'a setsid shell loop holding stdout (run), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `    haskey(ENV, ${jl(c.apiKeyName)}) && error("leaked in the environment")`,
        '    for pid in filter(name -> all(isdigit, name), readdir("/proc"))',
        '        environ = try read("/proc/" * pid * "/environ", String) catch; "" end',
        `        occursin(${jl(c.apiKey)}, environ) && error("leaked in " * pid)`,
        '    end',
        '    return x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (bash /dev/tcp)',
    ['passed'],
    body((c) =>
      [
        `    success(Cmd(["/bin/sh", "-c", ${jl(connectCommand(c))}])) && error("connected")`,
        '    return x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes stdout and stderr (the sentinel cannot be printed)',
    ['runtime_error'],
    body(() => '    close(stdout)\n    close(stderr)\n    return x + y'),
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '    read(stdin, String)\n    return x + y'),
  ),
  hostile(
    'early-exit',
    'exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    exit(0)'),
    'passed',
  ),
  row.killParent(
    body(
      () => '    ccall(:kill, Cint, (Cint, Cint), ccall(:getppid, Cint, ()), 9)\n    return x + y',
    ),
  ),
  row.killSelf(body(() => '    ccall(:kill, Cint, (Cint, Cint), getpid(), 9)\n    return x + y')),
];

export const JULIA_TABLE: HostileTable = { programs: PROGRAMS };
