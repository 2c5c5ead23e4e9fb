/**
 * Lua's isolated judge (`assets/lua/isolated_judge.lua`) keeps every honest verdict: programs in
 * MultiPL-E's shape whose answers cross between the processes as luaunit's assertEquals sees them
 * (integers and floats kept apart and equal as Lua has them, floats bit for bit, -0.0, ±inf,
 * the extreme integers, strings with any byte, nested tables with mixed keys, nil holes in the
 * arguments with `#t` as the constructor made it, nil and several results, a table with a
 * harmless metatable), or that lean on Lua's ways (upvalues and globals set at the top level and
 * kept between calls, output, `arg` and the chunk name as `lua main.lua` has them), pass both
 * the reference run and the judge; wrong answers and errors fail both. A table whose rigged
 * `__pairs` hands luaunit the expected table passes the reference and is refused, and the
 * candidate's process cannot open the judge's memory or stdout. Run through the real executor in
 * the sandbox (`judgeProgram`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createLuaLanguage } from '../src/lua/create-lua-language.ts';
import { LUA_VERDICT_MARK } from '../src/lua/lua-isolated-judge.ts';
import { judgeApart, program, testExecutor } from './run-program.ts';

/** MultiPL-E's Lua program: `code` (prompt + completion), then its luaunit tests of `entry`. */
const multiplELua = (code: string, entry: string, checks: readonly string[]): string =>
  `${code}\n\nlu = require('luaunit')\n\nfunction test_humaneval()\nlocal candidate = ${entry}\n${checks
    .map((check) => `    lu.assertEquals(${check})\n`)
    .join('')}end\n\nos.exit(lu.LuaUnit.run())`;

const HONEST: readonly [string, string, string, readonly string[]][] = [
  [
    'integers and floats as luaunit compares them, floats bit for bit, -0.0, ±inf, the extreme integers',
    'local function numbers(n)\n    return {n / 2, n // 2, 0.1 + 0.2, -0.0, math.huge, -math.huge, math.maxinteger, math.mininteger, 1e-320}\nend',
    'numbers',
    [
      'candidate(4), {2.0, 2, 0.30000000000000004, -0.0, math.huge, -math.huge, math.maxinteger, math.mininteger, 1e-320}',
      'candidate(4)[1], 2',
      'candidate(5)[2], 2.0',
      "math.type(candidate(4)[1]), 'float'",
      "math.type(candidate(4)[2]), 'integer'",
      "tostring(1 / candidate(4)[4]), '-inf'",
    ],
  ],
  [
    'strings with bytes from 0x80 and zero bytes, UTF-8, booleans',
    "local function texts(s)\n    return {s:upper(), '\\xff\\0\\x80', 'été', #'été', true, false, ''}\nend",
    'texts',
    ["candidate('abc'), {'ABC', '\\xff\\0\\x80', 'été', 5, true, false, ''}"],
  ],
  [
    'nested tables with mixed array and hash keys, float keys, nil holes in the arguments',
    'local function shapes(list)\n    local sum = 0\n    for _, v in pairs(list) do sum = sum + v end\n    return {#list, sum, {1, {2, {3}}}, a = {b = "c"}, [10] = true, [2.5] = "x", [-1] = list}\nend',
    'shapes',
    [
      'candidate({1, nil, 3}), {3, 4, {1, {2, {3}}}, a = {b = "c"}, [10] = true, [2.5] = "x", [-1] = {1, nil, 3}}',
      'candidate({nil, nil, 5})[1], 3',
    ],
  ],
  [
    'nil, several results, a table with a harmless metatable',
    'local function several(n)\n    if n == 0 then return nil end\n    local list = setmetatable({}, {__index = table})\n    list:insert(n)\n    list:insert(n + 1)\n    return list, n * 2\nend',
    'several',
    ['candidate(0), nil', '{candidate(1)}, {{1, 2}, 2}', 'candidate(3), {3, 4}'],
  ],
  [
    'upvalues and globals set at the top level and kept between calls, output, `arg` and the chunk name',
    "local memo = {}\ncalls = 0\nlocal where = {arg[0], debug.getinfo(1, 'S').short_src}\nlocal function remember(x)\n    calls = calls + 1\n    print('remembering', x)\n    memo[#memo + 1] = x\n    return {calls, #memo, where}\nend",
    'remember',
    [
      "candidate('a'), {1, 1, {'main.lua', 'main.lua'}}",
      "candidate('b'), {2, 2, {'main.lua', 'main.lua'}}",
    ],
  ],
];

const DISHONEST: readonly [string, string, string, readonly string[], string][] = [
  [
    'a wrong answer',
    'local function add(x, y)\n    return x - y\nend',
    'add',
    ['candidate(0, 1), 1'],
    'failed',
  ],
  [
    'a string for a number',
    'local function add(x, y)\n    return tostring(x + y)\nend',
    'add',
    ['candidate(0, 1), 1'],
    'failed',
  ],
  [
    'an error of its own',
    "local function boom()\n    error('no')\nend",
    'boom',
    ['candidate(), 1'],
    'runtime_error',
  ],
];

/**
 * A probe of the judge's process (A) from the candidate's: 'denied' when neither A's memory nor
 * its stdout opens through /proc; the reference run, which holds its tests in main.lua, says
 * 'denied' at once.
 */
const PROBE = [
  'local function probe()',
  "    if io.open('main.lua'):read('a'):find('test_' .. 'humaneval', 1, true) then return 'denied' end",
  '    local found = 0',
  "    for pid in io.popen('ls /proc'):lines() do",
  "        local cmdline = pid:match('^%d+$') and io.open('/proc/' .. pid .. '/cmdline')",
  "        local text = cmdline and cmdline:read('a') or ''",
  "        if text:match('^[^%z]*/lua%z[^%z]*isolated_judge%.lua%z') then",
  '            found = found + 1',
  "            if io.open('/proc/' .. pid .. '/mem', 'rb') then return 'memory opened' end",
  "            if io.open('/proc/' .. pid .. '/fd/1', 'a') then return 'stdout opened' end",
  '        end',
  '    end',
  "    return found == 1 and 'denied' or 'judges found: ' .. found",
  'end',
].join('\n');

/** Rigged: `__pairs` hands luaunit's deep comparison the expected table (debug.getlocal). */
const RIGGED_PAIRS = [
  'local function sorted(list)',
  '    return setmetatable({}, {__pairs = function()',
  '        local _, expected = debug.getlocal(3, 2)',
  '        return next, expected, nil',
  '    end})',
  'end',
].join('\n');

const executor = testExecutor();
/** One process per step, without the warm sandbox's namespaces: A's non-dumpability alone keeps B out. */
const spawned = testExecutor({ useStepServers: false });
afterAll(() => Promise.all([executor.close(), spawned.close()]));

/** Each program with the status both runs give it: the reference run and the isolated judge. */
const CASES = [
  ...HONEST.map(([name, ...program]) => [`passes ${name}`, 'passed', ...program] as const),
  ...DISHONEST.map(([name, code, entry, checks, status]) => {
    return [`fails ${name}`, status, code, entry, checks] as const;
  }),
];

/** The program's verdict and the judge's own status, or undefined where Lua is missing. */
function judged(code: string, entry: string, checks: readonly string[], on = executor) {
  const target = program('lua', 'main.lua', 'multipl-e', multiplELua(code, entry, checks), 15_000);
  return judgeApart(createLuaLanguage(), on, target, LUA_VERDICT_MARK);
}

describe("Lua's isolated judge keeps every honest verdict", () => {
  it.each(CASES)('%s (%s in both)', async (_name, status, code, entry, checks) => {
    const outcome = await judged(code, entry, checks);
    if (outcome === undefined) return;
    const { verdict, judged: own } = outcome;
    expect([verdict.passed, verdict.reference, own]).toEqual([
      status === 'passed',
      undefined,
      status,
    ]);
    if (status === 'passed') expect(verdict.status).toBe('passed');
  });

  it.each([
    ['a warm sandbox', executor],
    ['one process per step', spawned],
  ])("keeps the judge's memory and stdout out of the candidate's reach (%s)", async (_name, on) => {
    const outcome = await judged(PROBE, 'probe', ["candidate(), 'denied'"], on);
    if (outcome === undefined) return;
    expect([outcome.verdict.status, outcome.judged]).toEqual(['passed', 'passed']);
  });

  it('refuses a table whose rigged __pairs hands luaunit the expected table (the reference passes it)', async () => {
    const outcome = await judged(RIGGED_PAIRS, 'sorted', ['candidate({3, 1, 2}), {1, 2, 3}']);
    if (outcome === undefined) return;
    const { verdict, judged: own } = outcome;
    expect([verdict.status, verdict.reference?.status, own]).toEqual([
      'failed',
      'passed',
      'failed',
    ]);
  });
});
