import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD, multiplEProgram } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as ts } from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.typescript;
/**
 * A MultiPL-E program whose completion is the body `body` of `add(x: number, y: number):
 * number` (the tests declare `require`; bodies get `process` from it).
 */
const program =
  (body: (context: HostileContext) => string, timeoutMs?: number) => (context: HostileContext) =>
    multiplEProgram(
      add,
      `  const process = require('node:process');\n${body(context)}`,
      timeoutMs === undefined ? {} : { timeoutMs },
    );

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    "  const fs = require('node:fs');",
    '  const reached: string[] = [];',
    `  for (const path of ${ts(targets)}) {`,
    "    try { fs.writeFileSync(path, 'hostile'); if (path === " +
      `${ts(guarded)}) reached.push('wrote ' + path); } catch {}`,
    '  }',
    `  try { fs.readFileSync(${ts(read)}); reached.push('read'); } catch {}`,
    "  if (reached.length > 0) throw new Error('reached ' + reached.join(', '));",
    '  return x + y;',
  ].join('\n');

/**
 * TypeScript: MultiPL-E's program, compiled by the warm `tsc` server (as a real run does) and
 * run with `node` and the completion hook (the evidence is its report file).
 */
const PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'fork-bomb',
    'a shell fork bomb, then a busy loop',
    ['timeout'],
    program(
      (c) => `  require('node:child_process').execSync(${ts(forkBombCommand(c))});\n  for (;;) {}`,
      SHORT_TIMEOUT_MS,
    ),
  ),
  hostile(
    'memory-bomb',
    'keeps 256 MiB buffers until the address space gives out',
    ['memory_limit'],
    program(
      () =>
        "  const { Buffer } = require('node:buffer');\n  const keep = [];\n  for (;;) keep.push(Buffer.alloc(256 * 2 ** 20));",
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    program(() =>
      [
        "  const fs = require('node:fs');",
        "  const fd = fs.openSync('filler', 'w');",
        "  const chunk = require('node:buffer').Buffer.alloc(1 << 20, 120);",
        '  for (;;) fs.writeSync(fd, chunk);',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'writeSync(1, ...) without end',
    ['output_limit'],
    program(() => "  for (;;) require('node:fs').writeSync(1, 'x'.repeat(65536));"),
  ),
  hostile(
    'endless-sleep',
    'a timer that never fires in time',
    ['timeout'],
    program(() => '  setTimeout(() => {}, 1e9);\n  return x + y;', SHORT_TIMEOUT_MS),
  ),
  hostile(
    'daemon',
    'a setsid shell loop holding stdout, then the right answer',
    ['passed'],
    program(
      (c) =>
        `  require('node:child_process').execSync(${ts(daemonCommand(c))}, { stdio: 'inherit' });\n  return x + y;`,
    ),
  ),
  hostile(
    'api-key',
    "looks for the key in its environment and every process's",
    ['passed'],
    program((c) =>
      [
        "  const fs = require('node:fs');",
        `  const found: string[] = Object.keys(process.env).filter((name) => name === ${ts(c.apiKeyName)} || String(process.env[name]).includes(${ts(c.apiKey)}));`,
        "  for (const pid of fs.readdirSync('/proc').filter((name: string) => /^\\d+$/.test(name))) {",
        '    try {',
        `      if (fs.readFileSync('/proc/' + pid + '/environ', 'utf8').includes(${ts(c.apiKey)})) found.push(pid);`,
        '    } catch {}',
        '  }',
        "  if (found.length > 0) throw new Error('leaked: ' + JSON.stringify(found));",
        '  return x + y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(program, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (bash /dev/tcp) and to the internet',
    ['passed'],
    program((c) =>
      [
        `  require('node:net').connect(${c.port}, '127.0.0.1').on('connect', () => { throw new Error('connected'); }).on('error', () => {});`,
        "  require('node:net').connect(80, '1.1.1.1').on('connect', () => { throw new Error('connected'); }).on('error', () => {});",
        '  let connected = false;',
        `  try { require('node:child_process').execSync(${ts(connectCommand(c))}); connected = true; } catch {}`,
        "  if (connected) throw new Error('bash connected');",
        '  return x + y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes stdout and stderr (the evidence is a file: still a pass)',
    ['passed'],
    program(
      () =>
        "  const fs = require('node:fs');\n  try { fs.closeSync(1); fs.closeSync(2); } catch {}\n  return x + y;",
    ),
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    program(() => "  require('node:fs').readFileSync(0);\n  return x + y;"),
  ),
  hostile(
    'early-exit',
    "process.exit(0) before the tests (MultiPL-E's exit code passes it)",
    ['runtime_error'],
    program(() => '  process.exit(0);\n  return x + y;'),
    'passed',
  ),
  hostile(
    'kill-parent',
    'SIGKILL to its parent, then the right answer',
    ['passed'],
    program(() => "  try { process.kill(process.ppid, 'SIGKILL'); } catch {}\n  return x + y;"),
  ),
  hostile(
    'kill-parent',
    'SIGKILL to its own process before the tests',
    ['runtime_error'],
    program(() => "  process.kill(process.pid, 'SIGKILL');\n  return x + y;"),
  ),
];

export const TYPESCRIPT_TABLE: HostileTable = { programs: PROGRAMS };
