import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD, multiplESolution } from '../multipl-e-add.ts';
import {
  connectCommand,
  daemonCommand,
  forkBombCommand,
  literal as swift,
} from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.swift;

/** A MultiPL-E solution: `import Foundation`, the prompt, the body `body` of `add`, the tests. */
const program =
  (body: (context: HostileContext) => string, timeoutMs?: number) => (context: HostileContext) =>
    multiplESolution(
      add,
      `import Foundation\n${add.prompt}${body(context)}`,
      timeoutMs === undefined ? {} : { timeoutMs },
    );

/** Tries to write every target and to read `read`; traps if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    var reached: [String] = []',
    `    for path in [${targets.map(swift).join(', ')}] {`,
    `        if FileManager.default.createFile(atPath: path, contents: "hostile".data(using: .utf8)) && path == ${swift(guarded)} {`,
    '            reached.append("wrote " + path)',
    '        }',
    '    }',
    `    if FileManager.default.contents(atPath: ${swift(read)}) != nil { reached.append("read") }`,
    '    if !reached.isEmpty { fatalError("reached " + reached.joined(separator: ", ")) }',
    '    return x + y',
  ].join('\n');

/**
 * Swift: MultiPL-E's program (`swiftc`, then the binary; exit code; evidence: the sentinel
 * line passk appends after the tests), as a solution that imports Foundation. No Swift
 * toolchain exists on the machine this was written on (no Debian package): the suite skips it
 * with the reason, and these expectations follow the plugin's rules without having been run
 * (a Swift allocation failure traps without a message the rules recognise, hence both
 * statuses for the memory bomb).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    program((c) => `    system(${swift(forkBombCommand(c))})\n    while true {}`, SHORT_TIMEOUT_MS),
    'a shell fork bomb (system), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    '[UInt8](repeating: 1, count: 1 << 62)',
    ['memory_limit', 'runtime_error'],
    program(
      () => '    let big = [UInt8](repeating: 1, count: 1 << 62)\n    return x + y + big.count * 0',
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    program(() =>
      [
        '    let file = fopen("filler", "w")',
        '    let chunk = [UInt8](repeating: 120, count: 1 << 20)',
        '    while true { fwrite(chunk, 1, chunk.count, file) }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'print without end',
    ['output_limit'],
    program(
      () => '    let chunk = String(repeating: "x", count: 65536)\n    while true { print(chunk) }',
    ),
  ),
  hostile(
    'endless-sleep',
    'sleep(1000)',
    ['timeout'],
    program(() => '    sleep(1000)\n    return x + y', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    program((c) => `    system(${swift(daemonCommand(c))})\n    return x + y`),
    'a setsid shell loop holding stdout (system), then the right answer',
  ),
  row.apiKey(
    program((c) =>
      [
        `    if ProcessInfo.processInfo.environment[${swift(c.apiKeyName)}] != nil { fatalError("leaked in the environment") }`,
        '    for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {',
        '        guard let environ = FileManager.default.contents(atPath: "/proc/" + pid + "/environ") else { continue }',
        `        if String(decoding: environ, as: UTF8.self).contains(${swift(c.apiKey)}) { fatalError("leaked in " + pid) }`,
        '    }',
        '    return x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(program, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (bash /dev/tcp through system)',
    ['passed'],
    program((c) =>
      [
        `    if system(${swift(connectCommand(c))}) == 0 { fatalError("connected") }`,
        '    return x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes file descriptors 1 and 2 (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    program(() => '    close(1)\n    close(2)\n    return x + y'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    program(() => '    while readLine() != nil {}\n    return x + y'),
  ),
  hostile(
    'early-exit',
    'exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    program(() => '    exit(0)'),
    'passed',
  ),
  row.killParent(program(() => '    kill(getppid(), SIGKILL)\n    return x + y')),
  row.killSelf(program(() => '    kill(getpid(), SIGKILL)\n    return x + y')),
];

export const SWIFT_TABLE: HostileTable = { programs: PROGRAMS };
