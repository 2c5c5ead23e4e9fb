import { COMPLETION_SENTINEL, type ToolchainInfo } from '@passk/core';
import { stepResult } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { program as testProgram } from '../../test/run-program.ts';
import { createLuaLanguage } from './create-lua-language.ts';
import {
  LUA_ISOLATED_JUDGE_PATH,
  LUA_JUDGE_WRAPPER_PATH,
  LUA_VERDICT_MARK,
} from './lua-isolated-judge.ts';

const language = createLuaLanguage();
/** MultiPL-E's Lua shape: prompt and completion, then luaunit's test function and run. */
const program = testProgram(
  'lua',
  'main.lua',
  'multipl-e',
  "local function add(x, y)\n    return x + y\nend\n\nlu = require('luaunit')\n\nfunction test_humaneval()\nlocal candidate = add\n    lu.assertEquals(candidate(2, 3), 5)\nend\n\nos.exit(lu.LuaUnit.run())",
  15_000,
);
const toolchain = { available: true, commands: { lua: '/usr/bin/lua5.3' } } as ToolchainInfo;

/** The judge step whose stdout is one clean line with `mark`. */
const judged = (strict: object | null, mark = LUA_VERDICT_MARK) =>
  stepResult({ name: 'judge', stdoutTail: `\n${mark}${JSON.stringify({ strict })}\n` });

/** The reference run: luaunit's summary, the sentinel and exit 0, or a failed test. */
const passedRun = stepResult({
  stdoutTail: `.\nRan 1 tests in 0.000 seconds, 1 success, 0 failures\nOK\n${COMPLETION_SENTINEL}\n`,
});

/** The verdict of a job whose judge step reported `judge` after the reference run `run`. */
function verdictOf(judge: ReturnType<typeof stepResult>, run = passedRun) {
  return language.classify(program, { steps: [stepResult({ name: 'prepare' }), run, judge] });
}

describe("Lua's isolated judge step", () => {
  it('runs after the reference run in a fresh work area, through its wrapper, with no environment of its own', () => {
    const [prepare, run, judge] = language.steps(program, toolchain, { timeoutFactor: 2 });
    expect([prepare?.name, run?.name, judge?.name, prepare?.keepFiles]).toEqual([
      'prepare',
      'run',
      'judge',
      ['main.lua'],
    ]);
    // No variables: a warm sandbox may run it, as it runs the reference step.
    expect({ ...judge, name: undefined, mounts: undefined }).toEqual({
      name: undefined,
      argv: [
        '/bin/sh',
        LUA_JUDGE_WRAPPER_PATH,
        '/usr/bin/lua5.3',
        LUA_ISOLATED_JUDGE_PATH,
        'main.lua',
        '30000',
      ],
      timeoutMs: 2 * 30_000 + 3000,
      stopOnFailure: false,
      freshFiles: program.files,
      mounts: undefined,
      ...(run?.server === undefined ? {} : { server: run.server }),
    });
  });
});

/** The judge's report, the verdict's status and the reference's status it keeps. */
const REPORTS: readonly [string, ReturnType<typeof judged>, string, string | undefined][] = [
  ['both pass', judged({ status: 'passed', detail: 'passed' }), 'passed', undefined],
  [
    'the isolated tests fail',
    judged({ status: 'failed', detail: 'LuaUnit test FAILURE: expected: 1, actual: 0' }),
    'failed',
    'passed',
  ],
  ['no test part: the reference rule alone', judged(null), 'passed', undefined],
  [
    "another judge's mark",
    judged({ status: 'passed', detail: 'passed' }, '__passk_php_verdict__ '),
    'runtime_error',
    'passed',
  ],
  [
    'a forged extra line',
    stepResult({
      name: 'judge',
      stdoutTail: `\n${LUA_VERDICT_MARK}{"strict":{"status":"passed","detail":"passed"}}\n`.repeat(
        2,
      ),
    }),
    'runtime_error',
    'passed',
  ],
];

describe('withIsolatedJudge (Lua): a pass needs both the reference rule and the isolated tests', () => {
  it.each(REPORTS)('%s', (_name, report, status, reference) => {
    const verdict = verdictOf(report);
    expect([verdict.status, verdict.reference?.status]).toEqual([status, reference]);
  });
});
