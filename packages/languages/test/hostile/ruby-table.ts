import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.ruby);

/** A single-quoted Ruby string (nothing is interpolated). */
const rb = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Tries to write every target and to read `read`; raises if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    reached = []',
    `    [${targets.map(rb).join(', ')}].each do |path|`,
    "      File.write(path, 'hostile')",
    `      reached << "wrote #{path}" if path == ${rb(guarded)}`,
    '    rescue SystemCallError',
    '    end',
    '    begin',
    `      File.read(${rb(read)})`,
    "      reached << 'read'",
    '    rescue SystemCallError',
    '    end',
    '    raise "reached #{reached}" unless reached.empty?',
    '    x + y',
  ].join('\n');

/**
 * Ruby + Test::Unit: MultiPL-E's program (`ruby main.rb`, exit code; evidence: Test::Unit's
 * summary with at least one test and no failure or error).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `    system(${rb(forkBombCommand(c))})\n    loop {}`, SHORT_TIMEOUT_MS),
    'fork without end',
  ),
  hostile(
    'memory-bomb',
    "'x' * 2**33",
    ['memory_limit'],
    body(() => "    s = 'x' * (2**33)\n    x + y"),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() => "    File.open('filler', 'w') { |file| loop { file.write('x' * 1048576) } }"),
  ),
  hostile(
    'endless-output',
    '$stdout.write without end',
    ['output_limit'],
    body(() => "    loop { $stdout.write('x' * 65536) }"),
  ),
  hostile(
    'endless-sleep',
    'sleep 1000',
    ['timeout'],
    body(() => '    sleep 1000\n    x + y', SHORT_TIMEOUT_MS),
  ),
  row.daemon(body((c) => `    system(${rb(daemonCommand(c))})\n    x + y`)),
  row.apiKey(
    body((c) =>
      [
        `    raise 'leaked in the environment' if ENV.key?(${rb(c.apiKeyName)})`,
        "    Dir.glob('/proc/[0-9]*/environ').each do |file|",
        `      raise "leaked in #{file}" if (File.binread(file) rescue '').include?(${rb(c.apiKey)})`,
        '    end',
        '    x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (TCPSocket)',
    ['passed'],
    body((c) =>
      [
        "    require 'socket'",
        `    [['127.0.0.1', ${c.port}], ['1.1.1.1', 80]].each do |host, port|`,
        '      connected = (Socket.tcp(host, port, connect_timeout: 2) rescue nil)',
        '      raise "connected to #{host}" if connected',
        '    end',
        '    x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes stdout and stderr (Test::Unit cannot report)',
    ['runtime_error'],
    body(() => '    $stdout.close\n    $stderr.close\n    x + y'),
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '    $stdin.read\n    x + y'),
  ),
  hostile(
    'early-exit',
    'exit(0) inside a test (Test::Unit reports 0 tests and exits 0)',
    ['runtime_error'],
    body(() => '    exit(0)'),
    'passed',
  ),
  hostile(
    'early-exit',
    'exit!(0)',
    ['runtime_error'],
    body(() => '    exit!(0)'),
    'passed',
  ),
  row.killParent(body(() => '    Process.kill(:KILL, Process.ppid) rescue nil\n    x + y')),
  row.killSelf(body(() => '    Process.kill(:KILL, Process.pid)\n    x + y')),
];

export const RUBY_TABLE: HostileTable = { programs: PROGRAMS };
