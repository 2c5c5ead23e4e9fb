import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalExecutor,
  type EvalPlusConfig,
  type Executor,
  evalPlusConfigFile,
  type Program,
  type ToolchainInfo,
  type Verdict,
} from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numpySkipReason } from '../../../../scripts/test-support/numpy-skip-reason.ts';
import { EVALPLUS_ISOLATED_NOTE } from './classify-evalplus.ts';
import { createPythonLanguage } from './create-python-language.ts';
import { EVALPLUS_RUNNER_PATH } from './evalplus-runner-path.ts';

/**
 * The `evalplus` judge on small EvalPlus-format data files written here, run by the real
 * runner through both executor paths (one process per step, and the warm fork server).
 * Expected statuses follow EvalPlus's `untrusted_check` (evalplus/eval/__init__.py).
 */

const FIND_ZERO_PROMPT = `import math


def poly(xs: list, x: float):
    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])


def find_zero(xs: list):
`;
const FIND_ZERO_SOLUTION = `    begin, end = -1., 1.
    while poly(xs, begin) * poly(xs, end) > 0:
        begin *= 2.0
        end *= 2.0
    while end - begin > 1e-10:
        center = (begin + end) / 2.0
        if poly(xs, center) * poly(xs, begin) > 0:
            begin = center
        else:
            end = center
    return begin
`;

/** A one-line recursive function's reachable depth, returned by `depth()` below. */
const DEPTH_PROBE = `def depth():
    n = [0]
    def f(k):
        n[0] = k
        return f(k + 1)
    try:
        f(0)
    except RecursionError:
        pass
    return n[0]
`;

const HUMANEVAL_TASKS = [
  {
    task_id: 'Test/0',
    prompt: 'def add(a, b):\n',
    entry_point: 'add',
    canonical_solution: '    return a + b\n',
    base_input: [
      [1, 2],
      [2, 3],
    ],
    plus_input: [
      [10, 20],
      [-1, 1],
      [0, 0],
    ],
    atol: 0,
  },
  {
    task_id: 'Test/1',
    prompt: 'def third(x):\n',
    entry_point: 'third',
    canonical_solution: '    return x / 3\n',
    base_input: [[1.0], [2.0]],
    plus_input: [[3.0], [1e9]],
    atol: 0,
  },
  {
    task_id: 'Test/2',
    prompt: FIND_ZERO_PROMPT,
    entry_point: 'find_zero',
    canonical_solution: FIND_ZERO_SOLUTION,
    base_input: [[[1, 2]], [[-6, 11, -6, 1]]],
    plus_input: [[[1, -3]]],
    atol: 0.0001,
  },
  {
    task_id: 'Test/3',
    prompt: '',
    entry_point: 'depth',
    // The depth EvalPlus's forked child reaches on CPython 3.11 (see EVALPLUS_STACK_DEPTH).
    canonical_solution: 'def depth():\n    return 968\n',
    base_input: [[]],
    plus_input: [],
    atol: 0,
  },
];

const MBPP_TASKS = [
  {
    task_id: 'Mbpp/2',
    prompt: '"""\nWrite a function to find the shared elements from the given two lists.\n"""\n',
    entry_point: 'similar_elements',
    canonical_solution: '\ndef similar_elements(a, b):\n  return tuple(set(a) & set(b))\n',
    base_input: [
      [
        [3, 4, 5, 6],
        [5, 7, 4, 10],
      ],
    ],
    plus_input: [
      [
        [1, 2, 3],
        [3, 2, 9],
      ],
    ],
    atol: 0,
  },
  {
    task_id: 'Mbpp/737',
    prompt: '"""\nCheck whether the string starts with a vowel.\n"""\n',
    entry_point: 'check_str',
    canonical_solution:
      "\nimport re\ndef check_str(string):\n  return re.search('^[aeiouAEIOU][A-Za-z0-9_]*', string)\n",
    base_input: [['annie'], ['dawood']],
    plus_input: [['Else'], ['']],
    atol: 0,
  },
  {
    task_id: 'Mbpp/793',
    prompt: '"""\nFind the last position of an element in a sorted array.\n"""\n',
    entry_point: 'last',
    canonical_solution: '\ndef last(arr, x):\n    return len(arr) - 1 - arr[::-1].index(x)\n',
    base_input: [[[1, 2, 3], 1]],
    // MBPP+ stores `{}` here: no plus inputs.
    plus_input: {},
    atol: 0,
  },
];

const language = createPythonLanguage();
let toolchain: ToolchainInfo;

const skip = await numpySkipReason('the EvalPlus judge tests');
const scratch = mkdtempSync(join(tmpdir(), 'passk-evalplus-'));
const oneShot = createLocalExecutor({ concurrency: 2, useStepServers: false });
const server = createLocalExecutor({ concurrency: 2 });

function writeData(name: string, records: readonly unknown[]): string {
  const path = join(scratch, name);
  writeFileSync(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  return path;
}

const humanevalData = writeData('humaneval.jsonl', HUMANEVAL_TASKS);
const mbppData = writeData('mbpp.jsonl', MBPP_TASKS);

function program(
  solution: string,
  taskIndex: number,
  overrides: Partial<EvalPlusConfig> = {},
): Program {
  const kind = overrides.kind ?? 'humaneval';
  const tasks = kind === 'humaneval' ? HUMANEVAL_TASKS : MBPP_TASKS;
  const config: EvalPlusConfig = {
    kind,
    dataFile: kind === 'humaneval' ? humanevalData : mbppData,
    groundTruthDir: join(scratch, 'groundtruth', kind),
    taskIndex,
    taskId: tasks[taskIndex]?.task_id ?? '?',
    minTimeLimitMs: 4000,
    gtTimeLimitFactor: 4,
    ...overrides,
  };
  return {
    language: 'python',
    files: [{ path: 'solution.py', contents: solution }, evalPlusConfigFile(config)],
    mainFile: 'solution.py',
    judge: 'evalplus',
    timeoutMs: 126_000,
  };
}

async function judge(executor: Executor, target: Program): Promise<Verdict> {
  const steps = language.steps(target, toolchain, { timeoutFactor: 1 });
  const result = await executor.execute({
    files: target.files,
    steps,
    limits: language.limits(target),
  });
  return language.classify(target, result);
}

beforeAll(async () => {
  toolchain = await language.detect();
});
afterAll(async () => {
  await Promise.all([oneShot.close(), server.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

interface Case {
  readonly name: string;
  readonly solution: string;
  readonly task?: number;
  readonly config?: Partial<EvalPlusConfig>;
  readonly status: Verdict['status'];
  /** EvalPlus's base verdict; undefined when the check left no report. */
  readonly base: boolean | undefined;
  readonly detail: string | RegExp;
  readonly onlyPython311?: boolean;
}

const ADD = 'def add(a, b):\n';
const SHORT_LIMIT = { minTimeLimitMs: 500 };

const CASES: readonly Case[] = [
  {
    name: 'canonical solution',
    solution: `${ADD}    return a + b\n`,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    name: 'wrong on plus inputs only',
    solution: `${ADD}    return a + b if a < 5 else 0\n`,
    status: 'failed',
    base: true,
    detail: 'base: pass, plus: fail (plus input 0: wrong output)',
  },
  {
    name: 'wrong on base inputs only (plus = base and plus)',
    solution: `${ADD}    return 0 if a == 1 else a + b\n`,
    status: 'failed',
    base: false,
    detail: 'base: fail, plus: pass (base input 0: wrong output)',
  },
  {
    name: 'float output within 1e-6',
    solution: 'def third(x):\n    return x * (1 / 3)\n',
    task: 1,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    // 0.333 vs 0.3333333 fails on the base inputs; on the plus inputs 1.0 is exact and
    // 333333333.333 is within np.allclose's relative tolerance (1e-7) of 333333333.3333333.
    name: 'float output off by more than 1e-6 (and within rtol on a large value)',
    solution: 'def third(x):\n    return round(x / 3, 3)\n',
    task: 1,
    status: 'failed',
    base: false,
    detail: 'base: fail, plus: pass (base input 0: wrong output)',
  },
  {
    name: 'int where a float is expected (type check of the tolerant comparison)',
    solution: 'def third(x):\n    return int(x // 3)\n',
    task: 1,
    status: 'failed',
    base: false,
    detail: /^base: fail, plus: fail \(base input 0: wrong output\)$/,
  },
  {
    name: 'find_zero: judged by the polynomial, not by equality',
    solution: `${FIND_ZERO_PROMPT}    import numpy\n    roots = numpy.roots(list(reversed(xs)))\n    return float(min(r.real for r in roots if abs(r.imag) < 1e-9))\n`,
    task: 2,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    name: 'find_zero: not a root',
    solution: `${FIND_ZERO_PROMPT}    return 0.0\n`,
    task: 2,
    status: 'failed',
    base: false,
    detail: 'base: fail, plus: fail (base input 0: wrong output)',
  },
  {
    name: 'syntax error',
    solution: `${ADD}    return a +\n`,
    status: 'compile_error',
    base: false,
    detail: /^base: fail, plus: fail \(base exec raised SyntaxError: invalid syntax/,
  },
  {
    name: 'no entry point',
    solution: 'def plus(a, b):\n    return a + b\n',
    status: 'runtime_error',
    base: false,
    detail: "base: fail, plus: fail (base has no entry point (KeyError: 'add'))",
  },
  {
    name: 'exception in the solution',
    solution: `${ADD}    raise ValueError("no")\n`,
    status: 'runtime_error',
    base: false,
    detail: 'base: fail, plus: fail (base input 0 raised ValueError: no)',
  },
  {
    name: 'exit() is disabled by the guard',
    solution: `${ADD}    exit(0)\n`,
    status: 'runtime_error',
    base: false,
    detail:
      "base: fail, plus: fail (base input 0 raised TypeError: 'NoneType' object is not callable)",
  },
  {
    name: 'input() reads from a stream that raises',
    solution: `${ADD}    print("thinking")\n    return int(input())\n`,
    status: 'runtime_error',
    base: false,
    detail: 'base: fail, plus: fail (base input 0 raised OSError)',
  },
  {
    name: 'an input over its limit is a failure (EvalPlus fail, passk timeout)',
    solution: `${ADD}    import time\n    time.sleep(5)\n    return a + b\n`,
    config: SHORT_LIMIT,
    status: 'timeout',
    base: false,
    detail: 'base: fail, plus: fail (base input 0 over its 0.5 s limit)',
  },
  {
    name: 'a child that outlives its budget is killed (EvalPlus timeout)',
    solution: `${ADD}    import time\n    while True:\n        try:\n            time.sleep(10)\n        except BaseException:\n            pass\n`,
    config: SHORT_LIMIT,
    status: 'timeout',
    base: false,
    // EvalPlus waits min(60, sum of limits) + 1 + 1 s: 2 base inputs x 0.5 s -> 3 s.
    detail: 'base: timeout, plus: timeout (base ran past its 3 s budget)',
  },
  {
    name: 'os._exit(0) before the inputs are done does not pass (EvalPlus timeout)',
    solution: `${ADD}    import os\n    os._exit(0)\n`,
    status: 'runtime_error',
    base: false,
    detail: 'base: timeout, plus: timeout (base ended without a status: exit code 0)',
  },
  {
    name: 'output written past the swallowed streams (C level)',
    solution: `${ADD}    import os\n    while True:\n        os.write(1, b'x' * 65536)\n`,
    status: 'output_limit',
    base: undefined,
    detail: 'the check was killed: the solution wrote past the output limit',
  },
  {
    name: 'memory over the 4 GiB limit',
    solution: `${ADD}    x = bytearray(8 * 1024 ** 3)\n    return a + b\n`,
    status: 'memory_limit',
    base: false,
    detail: 'base: fail, plus: fail (base input 0 raised MemoryError)',
  },
  {
    name: 'recursion depth equals EvalPlus (968 on CPython 3.11)',
    solution: DEPTH_PROBE,
    task: 3,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
    onlyPython311: true,
  },
  {
    name: 'MBPP set-equality oracle (v0.2.0 rules)',
    solution: 'def similar_elements(a, b):\n  return sorted(set(a) & set(b))\n',
    config: { kind: 'mbpp' },
    task: 0,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    name: 'MBPP set-equality oracle absent (v0.1.0 rules)',
    solution: 'def similar_elements(a, b):\n  return sorted(set(a) & set(b))\n',
    config: { kind: 'mbpp', mbppOracles: 'v0.1.0' },
    task: 0,
    status: 'failed',
    base: false,
    detail: 'base: fail, plus: fail (base input 0: wrong output)',
  },
  {
    name: 'MBPP output-not-None oracle accepts booleans',
    solution: "def check_str(s):\n  return s[:1].lower() in 'aeiou' and s != ''\n",
    config: { kind: 'mbpp' },
    task: 1,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    name: 'MBPP output-not-None oracle accepts match objects',
    solution: "import re\ndef check_str(s):\n  return re.match('[aeiouAEIOU]', s)\n",
    config: { kind: 'mbpp' },
    task: 1,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
  {
    name: 'MBPP task without plus inputs',
    solution: 'def last(arr, x):\n    return max(i for i, v in enumerate(arr) if v == x)\n',
    config: { kind: 'mbpp' },
    task: 2,
    status: 'passed',
    base: true,
    detail: 'base: pass, plus: pass',
  },
];

const applies = (test: Case) =>
  !test.onlyPython311 || toolchain.version?.startsWith('3.11.') === true;

describe.skipIf(skip !== undefined).each([
  ['one-shot', oneShot],
  ['server', server],
])('evalplus verdicts (%s)', (_mode, executor) => {
  it.each(CASES.map((test) => [test.name, test] as const))('%s', async (_name, test) => {
    if (!applies(test)) {
      console.warn(`skipped: '${test.name}' is calibrated for CPython 3.11 (${toolchain.version})`);
      return;
    }
    const verdict = await judge(executor, program(test.solution, test.task ?? 0, test.config));
    expect(verdict.status).toBe(test.status);
    expect(verdict.passed).toBe(test.status === 'passed');
    expect(verdict.subsets).toEqual(test.base === undefined ? undefined : { base: test.base });
    if (typeof test.detail === 'string') expect(verdict.detail).toBe(test.detail);
    else expect(verdict.detail).toMatch(test.detail);
  });
});

describe.skipIf(skip !== undefined)('evalplus isolated judge', () => {
  const rigged = `${ADD}    class Anything:\n        def __eq__(self, other):\n            return True\n    return Anything()\n`;

  it("refuses what only EvalPlus's in-process comparison passes, keeping EvalPlus's pass", async () => {
    const verdict = await judge(server, program(rigged, 0));
    expect(verdict).toMatchObject({
      status: 'failed',
      passed: false,
      subsets: { base: false },
      reference: { status: 'passed', passed: true, detail: 'base: pass, plus: pass' },
    });
    expect(verdict.detail).toBe(
      `base: fail, plus: not run (base input 0: wrong output) (${EVALPLUS_ISOLATED_NOTE})`,
    );
  });

  it("evalplus-check is EvalPlus's check alone: it passes the same solution", async () => {
    const verdict = await judge(server, { ...program(rigged, 0), judge: 'evalplus-check' });
    expect(verdict).toEqual({
      status: 'passed',
      passed: true,
      detail: 'base: pass, plus: pass',
      subsets: { base: true },
    });
  });
});

describe.skipIf(skip !== undefined)('evalplus server mode', () => {
  it('serves both steps from the warm server without declining or failing', async () => {
    const warnings: string[] = [];
    const logged = createLocalExecutor({
      concurrency: 1,
      logger: { warn: (message) => warnings.push(message) },
    });
    try {
      const verdict = await judge(logged, program(`${ADD}    return a + b\n`, 0));
      expect(verdict.status).toBe('passed');
      expect(warnings).toEqual([]);
      const servers = readdirSync('/proc').filter((pid) => {
        try {
          // The interpreter itself (`<python> -B <runner> serve`), not the sandbox around it.
          const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          return argv[1] === '-B' && argv[2] === EVALPLUS_RUNNER_PATH && argv[3] === 'serve';
        } catch {
          return false;
        }
      });
      expect(servers.length).toBeGreaterThan(0);
      // The server re-executed itself with one hash seed for ground truth and checks.
      const environ = readFileSync(`/proc/${servers[0]}/environ`, 'utf8').split('\0');
      expect(environ).toContain('PYTHONHASHSEED=0');
    } finally {
      await logged.close();
    }
  });
});

describe.skipIf(skip !== undefined)('evalplus ground truth', () => {
  it('is computed once for concurrent jobs, then reused', async () => {
    const groundTruthDir = join(scratch, 'groundtruth', 'concurrent');
    const target = (index: number) =>
      program(index % 2 === 0 ? `${ADD}    return a + b\n` : `${ADD}    return b + a\n`, 0, {
        groundTruthDir,
      });
    const verdicts = await Promise.all(
      [0, 1, 2, 3].map((index) => judge(index < 2 ? server : oneShot, target(index))),
    );
    expect(verdicts.map((verdict) => verdict.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    const index = JSON.parse(readFileSync(join(groundTruthDir, 'index.json'), 'utf8'));
    expect(index.tasks).toEqual(HUMANEVAL_TASKS.map((task) => task.task_id));
    expect(
      readdirSync(join(scratch, 'groundtruth')).filter((name) => name.includes('.tmp-')),
    ).toEqual([]);
    expect(existsSync(join(groundTruthDir, '0.pkl'))).toBe(true);
  });

  it('stores expected outputs over the default 64 MiB file-size limit (large MBPP+ tasks)', async () => {
    const large = writeData('large.jsonl', [
      {
        ...HUMANEVAL_TASKS[0],
        prompt: 'def add(a, b):\n',
        canonical_solution: "    return 'x' * (70 * 1024 * 1024) if a == 1 else a + b\n",
        base_input: [[1, 2]],
        plus_input: [[2, 3]],
      },
    ]);
    const verdict = await judge(
      server,
      program("def add(a, b):\n    return 'x' * (70 * 1024 * 1024) if a == 1 else a + b\n", 0, {
        dataFile: large,
        groundTruthDir: join(scratch, 'groundtruth', 'large'),
      }),
    );
    expect([verdict.status, verdict.detail]).toEqual(['passed', 'base: pass, plus: pass']);
    rmSync(join(scratch, 'groundtruth', 'large'), { recursive: true, force: true });
  }, 120_000);

  it('reports a canonical solution that raises as infra_error, not as a model failure', async () => {
    const broken = writeData('broken.jsonl', [
      { ...HUMANEVAL_TASKS[0], canonical_solution: '    return a + c\n' },
    ]);
    const verdict = await judge(
      server,
      program(`${ADD}    return a + b\n`, 0, {
        dataFile: broken,
        groundTruthDir: join(scratch, 'groundtruth', 'broken'),
      }),
    );
    expect(verdict.status).toBe('infra_error');
    expect(verdict.detail).toMatch(
      /^ground truth: passk-runner: setup failed: canonical solution of Test\/0 raised NameError/,
    );
    // Nothing half-written is left behind, and nothing counts as computed.
    expect(
      readdirSync(join(scratch, 'groundtruth')).filter((name) => name.startsWith('broken')),
    ).toEqual(['broken.lock']);
  });

  it('builds both steps from evalplus.json and mounts what they need', () => {
    const target = program(`${ADD}    return a + b\n`, 0);
    const [groundTruth, check] = language.steps(target, toolchain, { timeoutFactor: 2 });
    const runner = [toolchain.path, '-B', EVALPLUS_RUNNER_PATH];
    const gtDir = join(scratch, 'groundtruth', 'humaneval');
    expect(groundTruth?.argv).toEqual([
      ...runner,
      'exec',
      'groundtruth',
      humanevalData,
      '--kind',
      'humaneval',
      '--out',
      gtDir,
    ]);
    expect(groundTruth?.mounts).toContainEqual({
      path: join(scratch, 'groundtruth'),
      writable: true,
    });
    const checkArgv = (mode: string, report: readonly string[]) => [
      ...runner,
      'exec',
      mode,
      'solution.py',
      '--task',
      join(gtDir, '0.pkl'),
      '--kind',
      'humaneval',
      '--min-time-limit',
      '4',
      '--gt-factor',
      '4',
      '--time-factor',
      '2',
      ...report,
      '--max-memory',
      String(4 * 1024 ** 3),
      '--mbpp-oracles',
      'v0.2.0',
    ];
    // The isolated judge: two runs of EvalPlus's check (apart, then EvalPlus's own), a verdict
    // line on stdout.
    expect(check?.argv).toEqual(checkArgv('judge', []));
    expect(check?.reportFile).toBeUndefined();
    expect(check?.mounts?.some((mount) => mount.writable)).toBe(false);
    expect(check?.timeoutMs).toBe(3 * 2 * (120_000 + 3000) + 30_000);
    // EvalPlus's check alone.
    const [, alone] = language.steps({ ...target, judge: 'evalplus-check' }, toolchain, {
      timeoutFactor: 2,
    });
    expect(alone?.argv).toEqual(checkArgv('check', ['--report', 'report.json']));
    expect(alone?.reportFile).toBe('report.json');
    expect(alone?.timeoutMs).toBe(2 * (120_000 + 3000) + 30_000);
    expect(language.limits(target).maxMemoryBytes).toBe(0);
    expect(() =>
      language.steps(
        { ...target, files: [target.files[0] as Program['files'][number]] },
        toolchain,
        {
          timeoutFactor: 1,
        },
      ),
    ).toThrow(/evalplus\.json/);
  });
});
