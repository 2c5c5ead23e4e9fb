import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as lua } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.lua);

/** Tries to write every target and to read `read`; errors if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    local reached = {}',
    `    for _, path in ipairs({${targets.map(lua).join(', ')}}) do`,
    "      local handle = io.open(path, 'w')",
    '      if handle then',
    "        handle:write('hostile')",
    '        handle:close()',
    `        if path == ${lua(guarded)} then table.insert(reached, 'wrote ' .. path) end`,
    '      end',
    '    end',
    `    local handle = io.open(${lua(read)}, 'r')`,
    "    if handle then table.insert(reached, 'read ' .. handle:read('a')) end",
    "    if #reached > 0 then error('reached ' .. table.concat(reached, ', ')) end",
    '    return x + y',
  ].join('\n');

/**
 * Lua 5.3 + luaunit: MultiPL-E's program (`lua main.lua`, exit code; evidence: luaunit's
 * summary). Lua's standard library has no sockets, sleep or process calls: such programs use
 * `os.execute` as a Lua program would.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body(
      (c) => `    os.execute(${lua(forkBombCommand(c))})\n    while true do end`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (os.execute), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    // Writing 2 GiB twice takes seconds; with a busy core beside it the 15 s limit can come
    // first (seen once in CI with a CPU hog). Either ending is bounded; the machine is checked.
    'a string of 2047 MiB: its buffer, then the copy that becomes the string',
    ['memory_limit', 'timeout'],
    body(() => "    local s = string.rep(string.rep('x', 2^20), 2047)\n    return x + y + #s"),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        "    local handle = io.open('filler', 'w')",
        "    local chunk = string.rep('x', 1048576)",
        '    while true do handle:write(chunk) end',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'io.write without end',
    ['output_limit'],
    body(() => "    while true do io.write(string.rep('x', 65536)) end"),
  ),
  hostile(
    'endless-sleep',
    "os.execute('sleep 1000')",
    ['timeout'],
    body(() => "    os.execute('sleep 1000')\n    return x + y", SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) => `    os.execute(${lua(daemonCommand(c))})\n    return x + y`),
    'a setsid shell loop holding stdout (os.execute), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `    if os.getenv(${lua(c.apiKeyName)}) then error('leaked in the environment') end`,
        "    local all = io.popen('cat /proc/[0-9]*/environ 2>/dev/null'):read('a')",
        `    if all:find(${lua(c.apiKey)}, 1, true) then error('leaked in /proc') end`,
        '    return x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (bash /dev/tcp through os.execute)',
    ['passed'],
    body((c) =>
      [
        `    if os.execute(${lua(connectCommand(c))}) then error('connected') end`,
        '    return x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes io.stdout and io.stderr (Lua refuses to close standard files: a pass)',
    ['passed'],
    body(() => '    io.stdout:close()\n    io.stderr:close()\n    return x + y'),
  ),
  hostile(
    'block-stdin',
    "io.read('a') on stdin",
    ['passed'],
    body(() => "    io.read('a')\n    return x + y"),
  ),
  hostile(
    'early-exit',
    'os.exit(0) at load time, before luaunit runs (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    return x + y\nend\nos.exit(0)\nif false then'),
    'passed',
  ),
  hostile(
    'early-exit',
    'os.exit(0) inside a test (luaunit turns it into a test error)',
    ['runtime_error'],
    body(() => '    os.exit(0)'),
    'failed',
  ),
  hostile(
    'early-exit',
    "os.exit(0) inside a test after restoring luaunit's os.exit",
    ['runtime_error'],
    body(() => '    lu.unregisterCurrentSuite()\n    os.exit(0)'),
    'passed',
  ),
  row.killParent(
    body(() =>
      [
        "    local stat = io.open('/proc/self/stat'):read('a')",
        "    local parent = stat:match('^%d+ %b() %a (%d+)')",
        "    os.execute('kill -9 ' .. parent)",
        '    return x + y',
      ].join('\n'),
    ),
    'SIGKILL to its parent (read from /proc), then the right answer',
  ),
  row.killSelf(
    body(() => "    os.execute('kill -9 $PPID')\n    return x + y"),
    'SIGKILL to its own process (the shell kills its parent) before the tests',
  ),
];

export const LUA_TABLE: HostileTable = { programs: PROGRAMS };
