import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD, multiplEProgram } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as js } from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.javascript;
/** A MultiPL-E program whose completion is the body `body` of `add(x, y)`. */
const program =
  (body: (context: HostileContext) => string, timeoutMs?: number) => (context: HostileContext) =>
    multiplEProgram(add, body(context), timeoutMs === undefined ? {} : { timeoutMs });

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    "  const fs = require('node:fs');",
    '  const reached = [];',
    `  for (const path of ${js(targets)}) {`,
    "    try { fs.writeFileSync(path, 'hostile'); if (path === " +
      `${js(guarded)}) reached.push('wrote ' + path); } catch {}`,
    '  }',
    `  try { fs.readFileSync(${js(read)}); reached.push('read'); } catch {}`,
    "  if (reached.length > 0) throw new Error('reached ' + reached.join(', '));",
    '  return x + y;',
  ].join('\n');

/**
 * JavaScript (the real plugin): MultiPL-E's program (`node main.js`, exit code; evidence: the
 * completion hook's report file, written on Node's `beforeExit`), plus HumanEval-X's rule
 * (`node test.js`, no output passes) where it matters: early exits and a silent self-kill.
 */
const PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'fork-bomb',
    'a shell fork bomb, then a busy loop',
    ['timeout'],
    program(
      (c) => `  require('node:child_process').execSync(${js(forkBombCommand(c))});\n  for (;;) {}`,
      SHORT_TIMEOUT_MS,
    ),
  ),
  hostile(
    'memory-bomb',
    'new ArrayBuffer(8 GiB)',
    ['memory_limit'],
    program(
      () => '  const big = new ArrayBuffer(8 * 2 ** 30);\n  return x + y + big.byteLength * 0;',
    ),
  ),
  hostile(
    'memory-bomb',
    'keeps 256 MiB buffers until the address space gives out',
    ['memory_limit'],
    program(() => '  const keep = [];\n  for (;;) keep.push(Buffer.alloc(256 * 2 ** 20));'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    program(() =>
      [
        "  const fs = require('node:fs');",
        "  const fd = fs.openSync('filler', 'w');",
        '  const chunk = Buffer.alloc(1 << 20, 120);',
        '  for (;;) fs.writeSync(fd, chunk);',
      ].join('\n'),
    ),
  ),
  hostile(
    'disk-filler',
    '48 MiB files in the work directory and /tmp until the disk is full',
    ['output_limit'],
    program(() =>
      [
        "  const fs = require('node:fs');",
        '  const chunk = Buffer.alloc(1 << 20, 120);',
        '  for (let index = 0; ; index++) {',
        "    const fd = fs.openSync(index % 2 ? '/tmp/fill' + index : 'fill' + index, 'w');",
        '    for (let part = 0; part < 48; part++) fs.writeSync(fd, chunk);',
        '    fs.closeSync(fd);',
        '  }',
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
    'a detached process, and a setsid shell loop holding stdout, then the right answer',
    ['passed'],
    program((c) =>
      [
        "  const { execSync, spawn } = require('node:child_process');",
        `  spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ${js(c.marker)}], {`,
        "    detached: true, stdio: 'ignore' }).unref();",
        `  execSync(${js(daemonCommand(c))}, { stdio: 'inherit' });`,
        '  return x + y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'api-key',
    "looks for the key in its environment and every process's",
    ['passed'],
    program((c) =>
      [
        "  const fs = require('node:fs');",
        `  const found = Object.entries(process.env).filter(([name, value]) => name === ${js(c.apiKeyName)} || value.includes(${js(c.apiKey)}));`,
        "  for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {",
        '    try {',
        `      if (fs.readFileSync('/proc/' + pid + '/environ', 'utf8').includes(${js(c.apiKey)})) found.push(pid);`,
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
    'connects to 127.0.0.1 (net and bash /dev/tcp) and to the internet',
    ['passed'],
    program((c) =>
      [
        "  const net = require('node:net');",
        `  for (const [host, port] of [['127.0.0.1', ${c.port}], ['1.1.1.1', 80]]) {`,
        '    net',
        '      .connect(port, host)',
        "      .on('connect', () => { throw new Error('connected to ' + host); })",
        "      .on('error', () => {});",
        '  }',
        `  try { require('node:child_process').execSync(${js(connectCommand(c))}); throw new Error('bash connected'); } catch (error) { if (error.message === 'bash connected') throw error; }`,
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
    program(() => '  process.exit(0);'),
    'passed',
  ),
  hostile(
    'early-exit',
    'an uncaughtException handler that calls process.exit(0)',
    ['runtime_error'],
    program(() =>
      [
        "  process.on('uncaughtException', () => process.exit(0));",
        "  throw new Error('the tests never run');",
      ].join('\n'),
    ),
    'passed',
  ),
  hostile(
    'early-exit',
    'exit 0 from a timer after the tests were skipped',
    ['runtime_error'],
    program(
      () =>
        "  setTimeout(() => process.exit(0), 10);\n  setTimeout(() => assert.deepEqual(1, 2), 1000);\n  throw new Error('skip the tests');",
    ),
  ),
  hostile(
    'early-exit',
    "process.exit(0) under HumanEval-X's rule (no output passes there)",
    ['runtime_error'],
    () => humanEvalXProgram(HUMANEVAL_X_ADD.javascript, '  process.exit(0);\n}\n'),
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
    program(() => "  process.kill(process.pid, 'SIGKILL');"),
  ),
  hostile(
    'kill-parent',
    "SIGKILL to itself under HumanEval-X's rule (silent: no output passes there)",
    ['runtime_error'],
    () =>
      humanEvalXProgram(HUMANEVAL_X_ADD.javascript, "  process.kill(process.pid, 'SIGKILL');\n}\n"),
    'passed',
  ),
];

export const JAVASCRIPT_TABLE: HostileTable = { programs: PROGRAMS };
