import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD, multiplEProgram } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, literal as ts } from './hostile-code.ts';
import { hostile } from './hostile-entry.ts';
import { nodeRows } from './node-rows.ts';
import * as row from './standard-rows.ts';
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

const node = nodeRows(
  program,
  true,
  (c) =>
    `  const found: string[] = Object.keys(process.env).filter((name) => name === ${ts(c.apiKeyName)} || String(process.env[name]).includes(${ts(c.apiKey)}));`,
);

/**
 * TypeScript: MultiPL-E's program, compiled by the warm `tsc` server (as a real run does) and
 * run with `node` and the completion hook (the evidence is its report file).
 */
const PROGRAMS: readonly HostileProgram[] = [
  node.forkBomb,
  hostile(
    'memory-bomb',
    'keeps 256 MiB buffers until the address space gives out',
    ['memory_limit'],
    program(
      () =>
        "  const { Buffer } = require('node:buffer');\n  const keep = [];\n  for (;;) keep.push(Buffer.alloc(256 * 2 ** 20));",
    ),
  ),
  node.diskFiller,
  node.endlessOutput,
  node.endlessSleep,
  row.daemon(
    program(
      (c) =>
        `  require('node:child_process').execSync(${ts(daemonCommand(c))}, { stdio: 'inherit' });\n  return x + y;`,
    ),
  ),
  node.apiKey,
  ...node.files,
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
  node.closeStdout,
  node.blockStdin,
  node.earlyExit,
  node.killParent,
  node.killSelf,
];

export const TYPESCRIPT_TABLE: HostileTable = { programs: PROGRAMS };
