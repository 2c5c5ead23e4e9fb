import { hasCompletionSentinel, type StepResult } from '@passk/core';
import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { versionedTool } from '../detect-toolchain.ts';
import { SENTINEL_PARTS, testFunctionEnd } from '../internal/test-evidence.ts';
import { exitCodeStatus, type MultiplERules } from '../multipl-e-judge.ts';
import { LUA_ISOLATED_JUDGE } from './lua-isolated-judge.ts';

/** luaunit's summary of a run in which every test passed (text output, luaunit 3.x). */
const LUAUNIT_PASSED =
  /^Ran ([1-9]\d*) tests in [\d.]+ seconds, \1 success(?:es)?, 0 failures\s*$/m;
const LUAUNIT_FAILED = /^Ran \d+ tests in [\d.]+ seconds, \d+ success(?:es)?, [1-9]\d* failures?/m;

/** True when luaunit printed its summary with every test passed and its final `OK`. */
export function luaunitPassed(run: StepResult): boolean {
  return LUAUNIT_PASSED.test(run.stdoutTail) && /^OK\s*$/m.test(run.stdoutTail);
}

/** The end of MultiPL-E's Lua test function: `function test_humaneval()` … `end`, then luaunit's run. */
export const LUA_TEST_END = testFunctionEnd({
  header: /^function test_humaneval\(\)$/,
  close: /^end$/,
  rest: /^\s*os\.exit\(lu\.LuaUnit\.run\(\)\)\s*$/,
});

/** Written after the last assertion of the test function: reached only when every one held. */
export const LUA_TEST_EVIDENCE = `    io.write("\\n", "${SENTINEL_PARTS[0]}", "${SENTINEL_PARTS[1]}", "\\n")\n`;

/**
 * Evidence: luaunit's summary with every test passed, and the sentinel from the end of the
 * benchmark's own test function (luaunit's summary alone would also come from tests of the
 * answer's own, run before the benchmark's were defined).
 */
export function luaTestsCompleted(run: StepResult): boolean {
  return luaunitPassed(run) && hasCompletionSentinel(run.stdoutTail);
}

/**
 * MultiPL-E's Lua rule (`lua <file>`, 15 s): exit 0 is `OK`, a timeout `Timeout`, anything
 * else `Exception`. Evidence ({@link luaTestsCompleted}): luaunit's own summary (`Ran N tests …, N successes,
 * 0 failures` and `OK`) and the sentinel of {@link LUA_TEST_EVIDENCE}; luaunit also turns an `os.exit` inside a test into a test error. Out of memory:
 * Lua's `not enough memory`, or luaunit dying on it inside a test (see `outOfMemory`).
 */
export const LUA_RULES: MultiplERules = {
  language: 'Lua',
  runStatus: exitCodeStatus(() => 'Exception'),
  completed: luaTestsCompleted,
  evidence:
    'luaunit summary with every test passed and the sentinel from the end of the test function',
  testEvidence: { locate: LUA_TEST_END, code: LUA_TEST_EVIDENCE },
  failureStatus: (_word, run) => {
    if (LUAUNIT_FAILED.test(run.stdout)) return 'failed';
    if (/^\S*lua[\d.]*: [^:]+:\d+: .* near /m.test(run.stderr)) return 'compile_error';
    return undefined;
  },
  // Lua calls no message handler for a memory error, so luaunit's `protectedCall` gets the
  // bare message string where it expects its handler's table, and dies indexing it.
  outOfMemory:
    /not enough memory|luaunit\.lua:\d+: attempt to index a string value \(local 'err'\)/,
};

/**
 * Lua 5.3 with luaunit (`lua`; MultiPL-E's container runs Ubuntu's `lua5.3` + `lua-unit`).
 * Judge `multipl-e`: `prepare` writes {@link LUA_TEST_EVIDENCE} into the test function
 * (no step when the program does not end with MultiPL-E's tests), then `lua <mainFile>` with
 * the program's time limit, judged by {@link LUA_RULES}, then the isolated judge's step `judge`
 * in a fresh work area (`isolated_judge.lua`: the tests in one process, the candidate's code in
 * another, values crossing as plain data); a pass must pass both, and the reference's pass is
 * kept in `Verdict.reference` when the isolated tests refuse it.
 */
export const createLuaLanguage = defineMultiplELanguageFactory({
  names: { id: 'lua', aliases: [], extension: '.lua' },
  interpreter: versionedTool('lua', ['lua5.3', 'lua'], ['-v'], /Lua (\S+)/),
  warmSandbox: true,
  requirements: {
    libraries: [{ name: 'luaunit', argv: ({ lua = 'lua' }) => [lua, '-e', "require('luaunit')"] }],
    installHint: 'apt-get install lua5.3 lua-unit',
  },
  rules: LUA_RULES,
  isolatedJudge: LUA_ISOLATED_JUDGE,
});
