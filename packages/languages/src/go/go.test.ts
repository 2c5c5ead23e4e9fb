import type { Language } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import {
  expectCachedDetection,
  itJudgesCases,
  type VerdictCase,
} from '../../test/verdict-cases.ts';
import { createGoLanguage } from './create-go-language.ts';
import type { GoToolchain } from './detect-go.ts';
import { GO_LINK_FLAGS } from './go-link-flags.ts';

const language: Language = createGoLanguage();
const executor = testExecutor();
let toolchain: GoToolchain;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = (await language.detect()) as GoToolchain;
  skip = skipReason('go', toolchain);
});
afterAll(() => executor.close());

const TESTIFY =
  'package main\n\nimport (\n    "testing"\n    "github.com/stretchr/testify/assert"\n)\n';
const humanEvalX = (body: string, imports = '') =>
  program('go', 'main_test.go', 'humaneval-x', `${TESTIFY}\n${imports}${body}`, 5000);
const multiplE = (body: string, imports: string[] = ['testing'], timeoutMs = 30_000) =>
  program(
    'go',
    'main_test.go',
    'multipl-e',
    `package add_test\n\nimport (\n${imports.map((name) => `    "${name}"\n`).join('')})\n\n${body}`,
    timeoutMs,
  );

const ADD = 'func Add(x int, y int) int {\n    return x + y\n}\n';
const CASES: readonly VerdictCase[] = [
  {
    name: 'HumanEval-X: testify asserts that hold',
    target: humanEvalX(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    assert := assert.New(t)\n    assert.Equal(3, Add(1, 2))\n}\n`,
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: a failed assert',
    target: humanEvalX(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    assert := assert.New(t)\n    assert.Equal(4, Add(1, 2))\n}\n`,
    ),
    status: 'failed',
    detail: /^failed: --- FAIL: TestAdd/,
  },
  {
    name: 'HumanEval-X: an unused import does not compile',
    target: humanEvalX(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    assert.New(t).Equal(3, Add(1, 2))\n}\n`,
      'import (\n"strings"\n)\n',
    ),
    status: 'compile_error',
    detail: /imported and not used: "strings"/,
  },
  {
    name: "HumanEval-X: go test's vet checks fail the build",
    target: humanEvalX(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    assert.New(t).Equal(fmt.Sprintf("%d", "x"), "3")\n}\n`,
      'import (\n"fmt"\n)\n',
    ),
    status: 'compile_error',
    detail: /Sprintf format %d has arg "x" of wrong type string/,
  },
  {
    name: 'HumanEval-X: os.Exit(0) before the tests (in init) is not a pass',
    target: humanEvalX(
      `func init() { os.Exit(0) }\nfunc TestAdd(t *testing.T) {\n    assert.New(t).Equal(1, 2)\n}\n`,
      'import (\n"os"\n)\n',
    ),
    status: 'runtime_error',
    detail: /^passed by the reference rule, but the tests did not run to completion/,
    reference: 'passed',
  },
  {
    name: 'HumanEval-X: os.Exit(0) during a test panics, as under go test',
    target: humanEvalX(
      `func TestAdd(t *testing.T) {\n    assert := assert.New(t)\n    os.Exit(0)\n    assert.Equal(1, 2)\n}\n`,
      'import (\n"os"\n)\n',
    ),
    status: 'runtime_error',
    detail: /unexpected call to os\.Exit\(0\) during test/,
  },
  {
    name: 'MultiPL-E: a passing test',
    target: multiplE(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    if fmt.Sprintf("%v", Add(1, 2)) != "3" {\n        t.Errorf("no")\n    }\n}\n`,
      ['fmt', 'testing'],
    ),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: a failing test is Exception',
    target: multiplE(
      `${ADD}\nfunc TestAdd(t *testing.T) {\n    t.Errorf("expected %v", Add(1, 2) + 1)\n}\n`,
    ),
    status: 'failed',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: "FAIL" printed by a passing program is Exception (go test stdout rule)',
    target: multiplE(`func TestAdd(t *testing.T) {\n    fmt.Println("FAIL")\n}\n`, [
      'fmt',
      'testing',
    ]),
    status: 'runtime_error',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: only the standard library (testify does not resolve)',
    target: multiplE('func TestAdd(t *testing.T) {\n    assert.New(t)\n}\n', [
      'testing',
      'github.com/stretchr/testify/assert',
    ]),
    status: 'compile_error',
    detail: 'SyntaxError',
  },
  {
    name: 'MultiPL-E: the time limit',
    target: multiplE('func TestAdd(t *testing.T) {\n    for {\n    }\n}\n', ['testing'], 3000),
    status: 'timeout',
    detail: 'Timeout',
  },
];

describe('createGoLanguage', () => {
  it('detects go and testify, and warms the shared build cache', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.version).toMatch(/^go1\.\d+.*; testify \//);
    expect(toolchain.buildCache).toMatch(/go-build$/);
    const missing = createGoLanguage({ go: '/nonexistent/go' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_GO/);
  });

  it('splits go test into a cached build and a run of the test binary', (context) => {
    if (skip) return context.skip(skip);
    const [build, run] = language.steps(humanEvalX(''), toolchain, { timeoutFactor: 2 });
    expect(build?.argv).toEqual([
      toolchain.path,
      'test',
      '-c',
      '-o',
      'main.test',
      GO_LINK_FLAGS,
      '-gcflags=-lang=go1.18',
      'main_test.go',
    ]);
    expect(build?.env).toMatchObject({
      GO111MODULE: 'off',
      GOPATH: toolchain.testifyGopath,
      GOCACHE: toolchain.buildCache,
      GOPROXY: 'off',
    });
    expect(build?.mounts).toContainEqual({ path: toolchain.buildCache, writable: true });
    expect([build?.timeoutMs, run?.argv, run?.timeoutMs, run?.mounts, run?.env]).toEqual([
      10_000,
      ['./main.test', '-test.paniconexit0', '-test.timeout=10s'],
      10_000,
      undefined,
      undefined,
    ]);
    const [multiBuild, multiRun] = language.steps(multiplE(''), toolchain, { timeoutFactor: 1 });
    expect(multiBuild?.env).toMatchObject({ GO111MODULE: 'on' });
    expect(multiBuild?.argv).not.toContain('-gcflags=-lang=go1.18');
    expect(multiRun?.argv).toEqual(['./main.test', '-test.paniconexit0', '-test.timeout=10m0s']);
  });

  itJudgesCases(CASES, () => ({ language, toolchain, executor: executor, skip }));

  it('HumanEval-X programs are toolchain_missing without testify', async (context) => {
    if (skip) return context.skip(skip);
    const bare = createGoLanguage({ testifyGopath: '/nonexistent/gopath' });
    const info = await bare.detect();
    expect(info.version).toMatch(/testify missing/);
    const { verdict } = await judgeProgram(bare, info, executor, humanEvalX(''));
    expect(verdict.status).toBe('toolchain_missing');
  });
});
