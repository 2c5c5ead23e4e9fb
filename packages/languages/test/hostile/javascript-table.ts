import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD, multiplEProgram } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, literal as js } from './hostile-code.ts';
import { hostile } from './hostile-entry.ts';
import { nodeRows } from './node-rows.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.javascript;
/** A MultiPL-E program whose completion is the body `body` of `add(x, y)`. */
const program =
  (body: (context: HostileContext) => string, timeoutMs?: number) => (context: HostileContext) =>
    multiplEProgram(add, body(context), timeoutMs === undefined ? {} : { timeoutMs });

const node = nodeRows(
  program,
  false,
  (c) =>
    `  const found = Object.entries(process.env).filter(([name, value]) => name === ${js(c.apiKeyName)} || value.includes(${js(c.apiKey)}));`,
);

/**
 * JavaScript (the real plugin): MultiPL-E's program (`node main.js`, exit code; evidence: the
 * completion hook's report file, written on Node's `beforeExit`), plus HumanEval-X's rule
 * (`node test.js`, no output passes) where it matters: early exits and a silent self-kill.
 */
const PROGRAMS: readonly HostileProgram[] = [
  node.forkBomb,
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
  node.diskFiller,
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
  node.endlessOutput,
  node.endlessSleep,
  row.daemon(
    program((c) =>
      [
        "  const { execSync, spawn } = require('node:child_process');",
        `  spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ${js(c.marker)}], {`,
        "    detached: true, stdio: 'ignore' }).unref();",
        `  execSync(${js(daemonCommand(c))}, { stdio: 'inherit' });`,
        '  return x + y;',
      ].join('\n'),
    ),
    'a detached process, and a setsid shell loop holding stdout, then the right answer',
  ),
  node.apiKey,
  ...node.files,
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
  node.closeStdout,
  node.blockStdin,
  node.earlyExit,
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
  node.killParent,
  node.killSelf,
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
