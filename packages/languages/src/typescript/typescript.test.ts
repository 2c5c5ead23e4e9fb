import type { Language, ToolchainInfo, VerdictStatus } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import { COMPLETION_HOOK_PATH, ISOLATED_JUDGE_PATH } from '../javascript/javascript-steps.ts';
import { createTypeScriptLanguage } from './create-typescript-language.ts';
import { TSC_SERVER_PATH } from './typescript-steps.ts';

const language: Language = createTypeScriptLanguage();
/** What the warm executor worked around: a warm compiler that failed would show here. */
const warnings: string[] = [];
const warm = testExecutor({ warnings });
const cold = testExecutor({ useStepServers: false });
let toolchain: ToolchainInfo;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = await language.detect();
  skip = skipReason('typescript', toolchain);
});
afterAll(() => Promise.all([warm.close(), cold.close()]));

const prelude = "declare var require: any;\nconst assert = require('node:assert');\n";
const multiplE = (source: string, timeoutMs = 15_000) =>
  program('typescript', 'main.ts', 'multipl-e', `${prelude}${source}`, timeoutMs);

const CASES: readonly {
  readonly name: string;
  readonly source: string;
  readonly status: VerdictStatus;
  readonly detail: string | RegExp;
  readonly timeoutMs?: number;
  readonly reference?: VerdictStatus;
}[] = [
  {
    name: 'a passing test, loose deepEqual',
    // A pass needs the benchmark's test function to have run to its end (MultiPL-E's shape).
    source:
      "function f(a: number): number { return a; }\nfunction test() {\n  assert.deepEqual(f(1), '1');\n}\n\ntest();\n",
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'no tsconfig: implicit any and the DOM library are accepted',
    source:
      'function f(a) { return a; }\nlet d: Document | undefined = undefined;\nfunction test() {\n  assert.deepEqual(f(d), undefined);\n}\n\ntest();\n',
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'a type error fails as SyntaxError',
    source: "const n: number = 'one';\nassert.deepEqual(n, 'one');\n",
    status: 'compile_error',
    detail:
      /^SyntaxError: main\.ts\(3,7\): error TS2322: Type 'string' is not assignable to type 'number'\.$/,
  },
  {
    name: 'a syntax error fails as SyntaxError',
    source: 'function f( {\n',
    status: 'compile_error',
    detail: /^SyntaxError: main\.ts/,
  },
  {
    name: 'a failed assert is AssertionError',
    source: 'assert.deepEqual([1, 2], [2, 1]);\n',
    status: 'failed',
    detail: 'AssertionError',
  },
  {
    name: 'process.exit(0) before the tests is not a pass',
    source: 'declare var process: any;\nprocess.exit(0);\nassert.deepEqual(1, 2);\n',
    status: 'runtime_error',
    detail: /^OK by the reference rule/,
    reference: 'passed',
  },
  {
    name: 'the time limit of the run',
    source: 'while (true) {}\n',
    status: 'timeout',
    detail: 'Timeout',
    timeoutMs: 500,
  },
];

describe('createTypeScriptLanguage', () => {
  it('detects tsc and the Node.js that runs it', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.available).toBe(true);
    expect(toolchain.version).toMatch(/^tsc \d+\.\d+\.\d+, node v\d+/);
    expect(toolchain.path).toMatch(/typescript\/bin\/tsc$/);
    const missing = await createTypeScriptLanguage({ tsc: '/nonexistent/tsc' }).detect();
    expect(missing.available).toBe(false);
    expect(missing.problem).toMatch(/PASSK_TSC/);
  });

  it('compiles with `tsc --target esnext` (warm server offered), runs the .js, then judges it apart', (context) => {
    if (skip) return context.skip(skip);
    const steps = language.steps(multiplE(''), toolchain, { timeoutFactor: 1 });
    const node = (toolchain as { node?: { path?: string } }).node?.path;
    expect(steps.map((step) => [step.name, step.argv, step.timeoutMs])).toEqual([
      ['compile', [node, toolchain.path, '--target', 'esnext', 'main.ts'], 15_000],
      ['run', [node, '--require', COMPLETION_HOOK_PATH, 'main.js'], 15_000],
      ['judge', [node, ISOLATED_JUDGE_PATH, 'multipl-e', 'main.js', 'main.ts'], 33_000],
    ]);
    expect(steps[2]?.env).toEqual({ PASSK_JUDGE_TIMEOUT_MS: '15000' });
    expect(steps[0]?.server).toEqual({
      argv: [node, TSC_SERVER_PATH, toolchain.path],
      protocol: 'passk-fork-v1',
    });
    const plain = createTypeScriptLanguage({ warmCompiler: false });
    expect(plain.steps(multiplE(''), toolchain, { timeoutFactor: 1 })[0]?.server).toBeUndefined();
    expect(() =>
      language.steps({ ...multiplE(''), judge: 'humaneval-x' }, toolchain, { timeoutFactor: 1 }),
    ).toThrow(/unknown typescript judge 'humaneval-x'; known typescript judges: multipl-e/);
  });

  it.for(CASES.map((test) => [test.name, test] as const))('%s', async ([, test], context) => {
    if (skip) return context.skip(skip);
    const target = multiplE(test.source, test.timeoutMs);
    const { verdict } = await judgeProgram(language, toolchain, warm, target);
    expect(verdict.status).toBe(test.status);
    if (typeof test.detail === 'string') expect(verdict.detail).toBe(test.detail);
    else expect(verdict.detail).toMatch(test.detail);
    expect(verdict.reference?.status).toBe(test.reference);
  });

  it('the warm compiler gives what spawning tsc gives: exit code, diagnostics, emitted file', async (context) => {
    if (skip) return context.skip(skip);
    for (const test of CASES) {
      const target = multiplE(test.source);
      const [compile] = language.steps(target, toolchain, { timeoutFactor: 1 });
      const job = {
        files: target.files,
        steps: [
          { ...(compile as NonNullable<typeof compile>), stopOnFailure: false },
          { name: 'emitted', argv: ['/bin/cat', 'main.js'], timeoutMs: 5000 },
        ],
        limits: language.limits(target),
      };
      const [served, spawned] = await Promise.all([warm.execute(job), cold.execute(job)]);
      const view = (steps: typeof served.steps) =>
        steps.map((step) => [step.exitCode, step.stdoutTail, step.stderrTail]);
      expect([test.name, view(served.steps)]).toEqual([test.name, view(spawned.steps)]);
    }
    // The warm tsc really served them in the sandbox (a server that cannot start, e.g. for
    // lack of a mount, is replaced by spawning the step, with a warning).
    expect(warnings).toEqual([]);
  });
});
