import { COMPLETION_SENTINEL, type Program, type ToolchainInfo } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { createLuaLanguage } from './create-lua-language.ts';
import {
  LUA_ISOLATED_JUDGE_PATH,
  LUA_JUDGE_WRAPPER_PATH,
  LUA_VERDICT_MARK,
} from './lua-isolated-judge.ts';

const language = createLuaLanguage();
/** MultiPL-E's Lua shape: prompt and completion, then luaunit's test function and run. */
const contents = [
  'local function add(x, y)',
  '    return x + y',
  'end',
  '',
  "lu = require('luaunit')",
  '',
  'function test_humaneval()',
  'local candidate = add',
  '    lu.assertEquals(candidate(2, 3), 5)',
  'end',
  '',
  'os.exit(lu.LuaUnit.run())',
].join('\n');
const program: Program = {
  language: 'lua',
  files: [{ path: 'main.lua', contents }],
  mainFile: 'main.lua',
  judge: 'multipl-e',
  timeoutMs: 15_000,
};
const toolchain = { available: true, commands: { lua: '/usr/bin/lua5.3' } } as ToolchainInfo;

/** The judge step's one clean stdout line, with `mark`. */
function judged(strict: object | null, mark = LUA_VERDICT_MARK) {
  const stdoutTail = `\n${mark}${JSON.stringify({ strict })}\n`;
  return stepResult({ name: 'judge', stdoutTail });
}

/** The reference run: luaunit's summary, the sentinel and exit 0, or a failed test. */
const passedRun = stepResult({
  stdoutTail: `.\nRan 1 tests in 0.000 seconds, 1 success, 0 failures\nOK\n${COMPLETION_SENTINEL}\n`,
});

const verdictOf = (...steps: ReturnType<typeof stepResult>[]) =>
  language.classify(program, { steps: [stepResult({ name: 'prepare' }), ...steps] });

describe("Lua's isolated judge step", () => {
  it('runs after the evidence is written and before the reference run, through its wrapper, with no environment of its own', () => {
    const steps = language.steps(program, toolchain, { timeoutFactor: 2 });
    expect(steps.map((step) => step.name)).toEqual(['prepare', 'judge', 'run']);
    const judge = steps[1];
    expect(judge?.argv).toEqual([
      '/bin/sh',
      LUA_JUDGE_WRAPPER_PATH,
      '/usr/bin/lua5.3',
      LUA_ISOLATED_JUDGE_PATH,
      'main.lua',
      '30000',
    ]);
    expect(judge?.timeoutMs).toBe(2 * 30_000 + 3000);
    expect(judge?.stopOnFailure).toBe(false);
    // No variables: a warm sandbox may run it, as it runs the reference step.
    expect(judge?.env).toBeUndefined();
    expect(judge?.server).toEqual(steps[2]?.server);
  });
});

describe('withIsolatedJudge (Lua)', () => {
  it("passes only when MultiPL-E's rule and the isolated tests both pass, and keeps the reference's pass", () => {
    const passed = verdictOf(judged({ status: 'passed', detail: 'passed' }), passedRun);
    expect([passed.status, passed.reference]).toEqual(['passed', undefined]);
    const refused = verdictOf(
      judged({ status: 'failed', detail: 'LuaUnit test FAILURE: expected: 1, actual: 0' }),
      passedRun,
    );
    expect([refused.status, refused.reference?.status]).toEqual(['failed', 'passed']);
    const untestable = verdictOf(judged(null), passedRun);
    expect([untestable.status, untestable.reference]).toEqual(['passed', undefined]);
  });

  it("refuses another judge's mark and a forged extra line", () => {
    const forged = [
      judged({ status: 'passed', detail: 'passed' }, '__passk_php_verdict__ '),
      stepResult({
        name: 'judge',
        stdoutTail:
          `\n${LUA_VERDICT_MARK}{"strict":{"status":"passed","detail":"passed"}}\n`.repeat(2),
      }),
    ];
    for (const step of forged) {
      const verdict = verdictOf(step, passedRun);
      expect([verdict.status, verdict.reference?.status]).toEqual(['runtime_error', 'passed']);
    }
  });
});
