import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { javascriptProgram } from './javascript-language.ts';

const js = (value: unknown): string => JSON.stringify(value);

const entry = (
  threat: HostileProgram['threat'],
  name: string,
  expect: HostileProgram['expect'],
  body: (context: HostileContext) => string,
  expectReference?: HostileProgram['expectReference'],
): HostileProgram => ({
  threat,
  name,
  expect,
  program: (context) => javascriptProgram(body(context)),
  ...(expectReference ? { expectReference } : {}),
});

/** Tries to read `read` and to write every target; throws if a guarded one works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    "  const fs = require('node:fs');",
    '  let read = false;',
    `  try { fs.readFileSync(${js(read)}); read = true; } catch {}`,
    `  if (read) throw new Error('read ' + ${js(read)});`,
    `  for (const path of ${js(targets)}) {`,
    '    let wrote = false;',
    "    try { fs.writeFileSync(path, 'hostile'); wrote = true; } catch {}",
    `    if (wrote && path === ${js(guarded)}) throw new Error('wrote ' + path);`,
    '  }',
    '  return a + b;',
  ].join('\n');

/** The JavaScript hostile programs (completions of `function add(a, b) {`). */
export const JAVASCRIPT_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  entry('fork-bomb', 'shell fork bomb, then a busy loop', ['timeout'], (c) =>
    [
      "  require('node:child_process').spawn('/bin/sh', ['-c', 'b(){ b | b & }; b', " +
        `${js(c.marker)}], { stdio: 'ignore' });`,
      '  for (;;) {}',
    ].join('\n'),
  ),
  entry(
    'memory-bomb',
    'new ArrayBuffer(8 GiB)',
    ['memory_limit'],
    () => '  const big = new ArrayBuffer(8 * 2 ** 30);\n  return a + b + big.byteLength * 0;',
  ),
  entry('disk-filler', 'one file written without end', ['output_limit'], () =>
    [
      "  const fs = require('node:fs');",
      "  const fd = fs.openSync('filler', 'w');",
      '  const chunk = Buffer.alloc(1 << 20, 120);',
      '  for (;;) fs.writeSync(fd, chunk);',
    ].join('\n'),
  ),
  entry(
    'disk-filler',
    '48 MiB files in the work directory and /tmp until the disk is full',
    ['output_limit'],
    () =>
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
  entry(
    'endless-output',
    'writeSync(1, ...) without end',
    ['output_limit'],
    () => "  for (;;) require('node:fs').writeSync(1, 'x'.repeat(65536));",
  ),
  entry(
    'endless-sleep',
    'a timer that never fires in time',
    ['timeout'],
    () => '  setTimeout(() => {}, 1e9);\n  return a + b;',
  ),
  entry('daemon', 'a detached process, then the right answer', ['passed'], (c) =>
    [
      "  require('node:child_process')",
      `    .spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1e9)', ${js(c.marker)}], {`,
      '      detached: true,',
      "      stdio: 'ignore',",
      '    })',
      '    .unref();',
      '  return a + b;',
    ].join('\n'),
  ),
  entry('api-key', "looks for the key in its environment and every process's", ['passed'], (c) =>
    [
      "  const fs = require('node:fs');",
      `  const found = Object.entries(process.env).filter(([name, value]) => name === ${js(c.apiKeyName)} || value.includes(${js(c.apiKey)}));`,
      "  for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {",
      '    try {',
      `      if (fs.readFileSync('/proc/' + pid + '/environ', 'utf8').includes(${js(c.apiKey)})) found.push(pid);`,
      '    } catch {}',
      '  }',
      "  if (found.length > 0) throw new Error('leaked: ' + JSON.stringify(found));",
      '  return a + b;',
    ].join('\n'),
  ),
  entry(
    'home-files',
    'reads a file in the home directory, writes there and in /tmp',
    ['passed'],
    (c) => reachOut(c.homeFile, c.writeTargets[0] as string, c.writeTargets),
  ),
  entry('repo-files', 'reads a file in the repository, writes there', ['passed'], (c) =>
    reachOut(c.repoFile, c.writeTargets[1] as string, c.writeTargets),
  ),
  entry('network', 'connects to 127.0.0.1 and to the internet', ['passed'], (c) =>
    [
      "  const net = require('node:net');",
      `  for (const [host, port] of [['127.0.0.1', ${c.port}], ['1.1.1.1', 80]]) {`,
      '    net',
      '      .connect(port, host)',
      "      .on('connect', () => { throw new Error('connected to ' + host); })",
      "      .on('error', () => {});",
      '  }',
      '  return a + b;',
    ].join('\n'),
  ),
  entry(
    'close-stdout',
    'closes stdout and stderr (the sentinel cannot be printed)',
    ['runtime_error'],
    () =>
      "  const fs = require('node:fs');\n  try { fs.closeSync(1); fs.closeSync(2); } catch {}\n  return a + b;",
  ),
  entry(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    () => "  require('node:fs').readFileSync(0);\n  return a + b;",
  ),
  entry(
    'early-exit',
    'process.exit(0) before the tests (MultiPL-E would pass it)',
    ['runtime_error'],
    () => '  process.exit(0);',
    { passed: true },
  ),
  entry(
    'early-exit',
    'an uncaughtException handler that calls process.exit(0)',
    ['runtime_error'],
    () =>
      [
        "  process.on('uncaughtException', () => process.exit(0));",
        "  throw new Error('the tests never run');",
      ].join('\n'),
  ),
  entry(
    'kill-parent',
    'SIGKILL to its parent, then the right answer',
    ['passed'],
    () => "  try { process.kill(process.ppid, 'SIGKILL'); } catch {}\n  return a + b;",
  ),
  entry(
    'kill-parent',
    'SIGKILL to its own process before the tests',
    ['runtime_error'],
    () => "  process.kill(process.pid, 'SIGKILL');",
  ),
];
