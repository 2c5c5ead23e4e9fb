import { defineLanguageFactory, type LanguageOptionsOf } from '../define-language.ts';
import { classifyPython } from './classify-python.ts';
import { type DetectPythonOptions, detectPython } from './detect-python.ts';
import { EVALPLUS_RUNNER_PATH } from './evalplus-runner-path.ts';
import { PYTHON_JUDGES, pythonSteps } from './python-steps.ts';
import { HUMANEVAL_RUNNER_PATH } from './runner-path.ts';

/**
 * The Python language (`python`, aliases `py` and `python3`, extension `.py`); 4 GiB address
 * space (as EvalPlus; human-eval has none) and 1 MiB of output per run by default.
 *
 * Judges: `humaneval-exec` reproduces openai/human-eval's `check_correctness` with
 * `assets/python/humaneval_runner.py` (fast through the executor's warm fork server);
 * `script` runs `python <file>` and passes on exit code 0 (MultiPL-E); `evalplus` reproduces
 * EvalPlus's differential testing with `assets/python/evalplus_runner.py`, the solution called
 * in a process of its own and its outputs compared apart (`evalplus_judge.py`), EvalPlus's own
 * in-process check kept as the reference; `evalplus-check` is that check alone; `humaneval-x` is
 * CodeGeeX's variant of human-eval's rule (numpy imported before the guard, a failed assert
 * worded `failed: AssertionError`); `humaneval-check` is human-eval's in-process run alone
 * (without the isolated judge), the feedback rule of `humaneval-exec` for an agent's visible
 * tests. `detect()` resolves
 * the interpreter once and caches it. `steps()` and `classify()` throw `UnknownIdError` for
 * another judge. See `classifyHumanEvalExec` / `classifyPythonScript` for the status tables.
 */
export const createPythonLanguage = defineLanguageFactory({
  names: { id: 'python', aliases: ['py', 'python3'], extension: '.py' },
  detect: ({ python, env }: Omit<DetectPythonOptions, 'requiredFiles'>) =>
    detectPython({ python, env, requiredFiles: [HUMANEVAL_RUNNER_PATH, EVALPLUS_RUNNER_PATH] }),
  rules: {
    judges: PYTHON_JUDGES,
    // An agent's visible tests: human-eval's single-process check (the isolated judge guards
    // only scores against forgery).
    feedbackJudges: { 'humaneval-exec': 'humaneval-check' },
    steps: (program, toolchain, stepOptions, { limits }) =>
      pythonSteps(program, toolchain, stepOptions, {
        runnerPath: HUMANEVAL_RUNNER_PATH,
        maxMemoryBytes: limits.maxMemoryBytes,
      }),
    // EvalPlus limits the child that runs the solution (reliability_guard), not the runner
    // holding the expected outputs: see evalplus_runner.py. The ground-truth step writes each
    // task's expected outputs to the cache, over 64 MiB for some MBPP+ tasks, so no file-size
    // limit either; model code can write only its work area (a size-bounded tmpfs in the
    // sandbox), never the cache (mounted read-only for the check step).
    limits: (judge, limits) =>
      judge === 'evalplus' || judge === 'evalplus-check'
        ? { ...limits, maxMemoryBytes: 0, maxFileBytes: 0 }
        : limits,
    classify: classifyPython,
  },
});

/** Options of {@link createPythonLanguage}: the limits and what `detectPython` takes. */
export type PythonLanguageOptions = LanguageOptionsOf<typeof createPythonLanguage>;
