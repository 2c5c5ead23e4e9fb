import type { Program } from '@passk/core';
import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { forkBombCommand, literal } from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';

/** A Node language's program factory: `body` is the completion of `add`, `timeoutMs` the run limit. */
type NodeProgram = (
  body: (context: HostileContext) => string,
  timeoutMs?: number,
) => (context: HostileContext) => Program;

/**
 * The rows whose code is the same in JavaScript and TypeScript (both run on Node with the
 * completion hook), as each language's `program` builds them. `typed` adds TypeScript's type
 * annotations; `findKey(c)` is the line that declares `found`, the names of the environment
 * variables that are the planted key or hold its value.
 */
export function nodeRows(
  program: NodeProgram,
  typed: boolean,
  findKey: (context: HostileContext) => string,
): {
  readonly forkBomb: HostileProgram;
  readonly diskFiller: HostileProgram;
  readonly endlessOutput: HostileProgram;
  readonly endlessSleep: HostileProgram;
  readonly apiKey: HostileProgram;
  readonly files: readonly HostileProgram[];
  readonly closeStdout: HostileProgram;
  readonly blockStdin: HostileProgram;
  readonly earlyExit: HostileProgram;
  readonly killParent: HostileProgram;
  readonly killSelf: HostileProgram;
} {
  /** What follows a call that ends the process: TypeScript's `add` must still return a number. */
  const unreached = typed ? '\n  return x + y;' : '';
  /** Node's `Buffer`: TypeScript's tests declare only `require`. */
  const buffer = typed ? "require('node:buffer').Buffer" : 'Buffer';
  /** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
  const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
    [
      "  const fs = require('node:fs');",
      `  const reached${typed ? ': string[]' : ''} = [];`,
      `  for (const path of ${literal(targets)}) {`,
      "    try { fs.writeFileSync(path, 'hostile'); if (path === " +
        `${literal(guarded)}) reached.push('wrote ' + path); } catch {}`,
      '  }',
      `  try { fs.readFileSync(${literal(read)}); reached.push('read'); } catch {}`,
      "  if (reached.length > 0) throw new Error('reached ' + reached.join(', '));",
      '  return x + y;',
    ].join('\n');
  return {
    forkBomb: row.forkBomb(
      program(
        (c) =>
          `  require('node:child_process').execSync(${literal(forkBombCommand(c))});\n  for (;;) {}`,
        SHORT_TIMEOUT_MS,
      ),
    ),
    diskFiller: hostile(
      'disk-filler',
      'one file written without end',
      ['output_limit'],
      program(() =>
        [
          "  const fs = require('node:fs');",
          "  const fd = fs.openSync('filler', 'w');",
          `  const chunk = ${buffer}.alloc(1 << 20, 120);`,
          '  for (;;) fs.writeSync(fd, chunk);',
        ].join('\n'),
      ),
    ),
    endlessOutput: hostile(
      'endless-output',
      'writeSync(1, ...) without end',
      ['output_limit'],
      program(() => "  for (;;) require('node:fs').writeSync(1, 'x'.repeat(65536));"),
    ),
    endlessSleep: hostile(
      'endless-sleep',
      'a timer that never fires in time',
      ['timeout'],
      program(() => '  setTimeout(() => {}, 1e9);\n  return x + y;', SHORT_TIMEOUT_MS),
    ),
    apiKey: row.apiKey(
      program((c) =>
        [
          "  const fs = require('node:fs');",
          findKey(c),
          `  for (const pid of fs.readdirSync('/proc').filter((name${typed ? ': string' : ''}) => /^\\d+$/.test(name))) {`,
          '    try {',
          `      if (fs.readFileSync('/proc/' + pid + '/environ', 'utf8').includes(${literal(c.apiKey)})) found.push(pid);`,
          '    } catch {}',
          '  }',
          "  if (found.length > 0) throw new Error('leaked: ' + JSON.stringify(found));",
          '  return x + y;',
        ].join('\n'),
      ),
    ),
    files: fileEntries(program, reachOut),
    closeStdout: hostile(
      'close-stdout',
      'closes stdout and stderr (the evidence is a file: still a pass)',
      ['passed'],
      program(
        () =>
          "  const fs = require('node:fs');\n  try { fs.closeSync(1); fs.closeSync(2); } catch {}\n  return x + y;",
      ),
    ),
    blockStdin: hostile(
      'block-stdin',
      'reads stdin to its end',
      ['passed'],
      program(() => "  require('node:fs').readFileSync(0);\n  return x + y;"),
    ),
    earlyExit: hostile(
      'early-exit',
      "process.exit(0) before the tests (MultiPL-E's exit code passes it)",
      ['runtime_error'],
      program(() => `  process.exit(0);${unreached}`),
      'passed',
    ),
    killParent: row.killParent(
      program(() => "  try { process.kill(process.ppid, 'SIGKILL'); } catch {}\n  return x + y;"),
    ),
    killSelf: row.killSelf(program(() => `  process.kill(process.pid, 'SIGKILL');${unreached}`)),
  };
}
