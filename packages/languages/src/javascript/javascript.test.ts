import type { Language, ToolchainInfo } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import {
  expectCachedDetection,
  itJudgesCases,
  type VerdictCase,
} from '../../test/verdict-cases.ts';
import { createJavaScriptLanguage } from './create-javascript-language.ts';
import {
  COMPLETION_HOOK_PATH,
  ISOLATED_JUDGE_PATH,
  JS_MD5_MODULES_DIR,
  JS_TEST_EVIDENCE,
} from './javascript-steps.ts';

const language: Language = createJavaScriptLanguage();
const executor = testExecutor();
let toolchain: ToolchainInfo;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = await language.detect();
  skip = skipReason('javascript', toolchain);
});
afterAll(() => executor.close());

/**
 * The benchmarks' programs end with their test function and its call; `source` is that
 * function's body (passk's completion evidence is written after its last line).
 */
const humanEvalX = (source: string, timeoutMs = 5000) =>
  program(
    'javascript',
    'test.js',
    'humaneval-x',
    `const testCase = () => {\n${source}}\n\ntestCase()\n`,
    timeoutMs,
  );
const multiplE = (source: string, timeoutMs = 5000) =>
  program(
    'javascript',
    'main.js',
    'multipl-e',
    `function test() {\n${source}}\n\ntest();`,
    timeoutMs,
  );

const assert = "const assert = require('node:assert');\n";

/** A MultiPL-E program as the benchmark builds it: the candidate's code, then its tests. */
const multiplEAdd = (candidate: string) =>
  program(
    'javascript',
    'main.js',
    'multipl-e',
    `function add(x, y) {\n${candidate}\n}\n\n${assert}\n\nfunction test() {\n  let candidate = add;\n  assert.deepEqual(candidate(1, 2),3);\n  assert.deepEqual(candidate([1], {a: [2]}),'1[object Object]');\n}\n\ntest();`,
    5000,
  );
/** A HumanEval-X program as CodeGeeX builds it: the candidate's code, then its tests. */
const humanEvalXAdd = (candidate: string) =>
  program(
    'javascript',
    'test.js',
    'humaneval-x',
    `const add = (x, y) => {\n${candidate}\n}\n\nconst testAdd = () => {\n  console.assert(add(1, 2) === 3)\n  console.assert(JSON.stringify(add([1], [2])) === '"12"')\n}\n\ntestAdd()\n`,
    5000,
  );
const CASES: readonly VerdictCase[] = [
  {
    name: 'HumanEval-X: silent asserts pass',
    target: humanEvalX('const f = () => 1;\nconsole.assert(f() === 1);\n'),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: a failed console.assert prints and fails',
    target: humanEvalX('const f = () => 2;\nconsole.assert(f() === 1);\n'),
    status: 'failed',
    detail: 'failed: Assertion failed',
  },
  {
    name: 'HumanEval-X: any stdout fails, even with passing asserts',
    target: humanEvalX("console.log('debug');\nconsole.assert(1 === 1);\n"),
    status: 'failed',
    detail: 'failed: debug',
  },
  {
    name: 'HumanEval-X: the exit code is ignored',
    target: humanEvalX('process.exitCode = 3;\nconsole.assert(1 === 1);\n'),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: an exception fails',
    target: humanEvalX('null.x;\n'),
    status: 'runtime_error',
    detail: /^failed: .*TypeError/,
  },
  {
    name: 'HumanEval-X: a syntax error fails',
    target: humanEvalX('const = ;\n'),
    status: 'compile_error',
    detail: /^failed: .*SyntaxError/,
  },
  {
    name: 'HumanEval-X: process.exit(0) before the tests is not a pass',
    target: humanEvalX('process.exit(0);\nconsole.assert(1 === 2);\n'),
    status: 'runtime_error',
    detail: /^passed by the reference rule, but the tests did not run to completion/,
    reference: 'passed',
  },
  {
    name: 'HumanEval-X: js-md5 is installed as in the reference image (JavaScript/162)',
    target: humanEvalX(
      "const md5 = require('js-md5');\nconsole.assert(md5('Hello world') === '3e25960a79dbc69b674cd4ec67a72c62');\n",
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: "MultiPL-E: Node's legacy loose deepEqual passes 1 == '1'",
    target: multiplE(`${assert}assert.deepEqual(1, '1');\nassert.deepEqual([1, 2], ['1', '2']);\n`),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: output does not matter',
    target: multiplE(`${assert}console.log('debug');\nassert.deepEqual(1, 1);\n`),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: a failed assert is AssertionError',
    target: multiplE(`${assert}assert.deepEqual(0.1 + 0.2, 0.3);\n`),
    status: 'failed',
    detail: 'AssertionError',
  },
  {
    name: 'MultiPL-E: an undefined name is ReferenceError',
    target: multiplE('missing();\n'),
    status: 'runtime_error',
    detail: 'ReferenceError',
  },
  {
    name: 'MultiPL-E: a syntax error is SyntaxError',
    target: multiplE('function (\n'),
    status: 'compile_error',
    detail: 'SyntaxError',
  },
  {
    name: 'MultiPL-E: another exception is Exception',
    target: multiplE("throw new RangeError('no');\n"),
    status: 'runtime_error',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: process.exit(0) before the tests is not a pass',
    target: multiplE(`${assert}process.exit(0);\nassert.deepEqual(1, 2);\n`),
    status: 'runtime_error',
    detail: /^OK by the reference rule/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E: asynchronous tests that fail after the main script are caught',
    target: multiplE(`${assert}setTimeout(() => assert.deepEqual(1, 2), 10);\n`),
    status: 'failed',
    detail: 'AssertionError',
  },
  {
    name: 'MultiPL-E: an ArrayBuffer the memory limit refuses is out of memory (RangeError)',
    target: multiplE('const big = new ArrayBuffer(8 * 2 ** 30);\n'),
    status: 'memory_limit',
    detail: 'Exception',
  },
  {
    name: 'HumanEval-X: an ArrayBuffer the memory limit refuses is out of memory (RangeError)',
    target: humanEvalX('const big = new ArrayBuffer(8 * 2 ** 30);\n'),
    status: 'memory_limit',
    detail: /^failed: .*Array buffer allocation failed/,
  },
  {
    name: 'MultiPL-E, judged apart: a solution passes both runs',
    target: multiplEAdd('  return x + y;'),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: "MultiPL-E, judged apart: an assert.deepEqual patched by the program is not the tests'",
    target: multiplEAdd(
      "  return 0;\n}\nrequire('node:assert').deepEqual = () => {};\nfunction unused() {",
    ),
    status: 'failed',
    detail: /^AssertionError: .*judged|apart|tests run in a process apart/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E, judged apart: the program cannot read its tests from main.js',
    target: multiplEAdd(
      [
        "  const text = require('node:fs').readFileSync('main.js', 'utf8');",
        '  const expected = /candidate\\(1, 2\\),(\\d+)/.exec(text);',
        "  return typeof x === 'number' ? Number(expected[1]) : String(x) + String(y);",
      ].join('\n'),
    ),
    status: 'runtime_error',
    detail: /ENOENT.*tests run in a process apart/,
    reference: 'passed',
  },
  {
    name: 'HumanEval-X, judged apart: a solution passes both runs',
    target: humanEvalXAdd('  return x + y;'),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: "HumanEval-X, judged apart: a console.assert replaced by the program is not the tests'",
    target: humanEvalXAdd('  return 0;\n}\nconsole.assert = () => {};\n{'),
    status: 'failed',
    detail: /^Assertion failed; Assertion failed \(tests run in a process apart/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E: the time limit',
    target: multiplE('while (true) {}\n', 500),
    status: 'timeout',
    detail: 'Timeout',
  },
];

describe('createJavaScriptLanguage', () => {
  it('detects Node.js once and reports a missing one', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.available).toBe(true);
    expect(toolchain.version).toMatch(/^v\d+\.\d+\.\d+$/);
    const missing = createJavaScriptLanguage({ node: '/nonexistent/node' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_NODE/);
  });

  it('builds the evidence step, the node step and the judge step, with NODE_PATH for HumanEval-X', (context) => {
    if (skip) return context.skip(skip);
    const [prepare, humanEvalXStep, humanEvalXJudge] = language.steps(humanEvalX(''), toolchain, {
      timeoutFactor: 2,
    });
    // The evidence goes after the test function's last line, before its closing brace.
    expect(prepare?.argv.slice(4)).toEqual(['test.js', '25', JS_TEST_EVIDENCE]);
    expect(
      language.steps(program('javascript', 'test.js', 'humaneval-x', '', 5000), toolchain, {
        timeoutFactor: 1,
      }),
    ).toHaveLength(2);
    expect(humanEvalXStep).toMatchObject({
      name: 'run',
      argv: [toolchain.path, '--require', COMPLETION_HOOK_PATH, 'test.js'],
      timeoutMs: 10_000,
      reportFile: 'passk-completion.json',
      env: { NODE_PATH: JS_MD5_MODULES_DIR },
      stopOnFailure: false,
    });
    // The judge gets the program's limit for its tests, and runs whatever the run's exit code.
    expect(humanEvalXJudge).toMatchObject({
      name: 'judge',
      argv: [toolchain.path, ISOLATED_JUDGE_PATH, 'humaneval-x', 'test.js'],
      timeoutMs: 23_000,
      stopOnFailure: false,
      env: { NODE_PATH: JS_MD5_MODULES_DIR, PASSK_JUDGE_TIMEOUT_MS: '10000' },
    });
    const [, multiplEStep, multiplEJudge] = language.steps(multiplE(''), toolchain, {
      timeoutFactor: 1,
    });
    expect(multiplEStep?.stopOnFailure).toBeUndefined();
    expect(multiplEJudge?.argv).toEqual([
      toolchain.path,
      ISOLATED_JUDGE_PATH,
      'multipl-e',
      'main.js',
    ]);
    expect(multiplEStep?.argv).toEqual([
      toolchain.path,
      '--require',
      COMPLETION_HOOK_PATH,
      'main.js',
    ]);
    expect(multiplEStep?.env).toBeUndefined();
    expect(() =>
      language.steps({ ...multiplE(''), judge: 'stdout' }, toolchain, { timeoutFactor: 1 }),
    ).toThrow(/unknown javascript judge 'stdout'; known javascript judges: humaneval-x, multipl-e/);
    expect(() => language.classify({ ...multiplE(''), judge: 'x' }, { steps: [] })).toThrow(
      /unknown javascript judge/,
    );
    expect([language.id, language.aliases, language.extension]).toEqual([
      'javascript',
      ['js', 'node'],
      '.js',
    ]);
  });

  it('reports a missing Node.js as toolchain_missing', async () => {
    const target = multiplE('');
    const absent = { available: false, path: '/nonexistent/node' };
    const { verdict } = await judgeProgram(language, absent, executor, target);
    expect(verdict.status).toBe('toolchain_missing');
  });

  itJudgesCases(CASES, () => ({ language, toolchain, executor: executor, skip }));
});
