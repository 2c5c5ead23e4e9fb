import { createPythonLanguage } from './python/create-python-language.ts';

export { classifyEvalPlus } from './python/classify-evalplus.ts';
export { classifyHumanEvalExec } from './python/classify-humaneval-exec.ts';
export { classifyPythonScript } from './python/classify-python-script.ts';
export {
  createPythonLanguage,
  PYTHON_DEFAULT_MAX_MEMORY_BYTES,
  PYTHON_DEFAULT_MAX_OUTPUT_BYTES,
  type PythonLanguageOptions,
} from './python/create-python-language.ts';
export { type DetectPythonOptions, detectPython } from './python/detect-python.ts';
export {
  type EvalPlusReport,
  type EvalPlusStatus,
  type EvalPlusSubsetReport,
  parseEvalPlusReport,
} from './python/evalplus-report.ts';
export { EVALPLUS_RUNNER_PATH } from './python/evalplus-runner-path.ts';
export { type HumanEvalReport, parseHumanEvalReport } from './python/humaneval-report.ts';
export { PYTHON_JUDGES, type PythonJudge } from './python/python-steps.ts';
export { HUMANEVAL_RUNNER_PATH } from './python/runner-path.ts';

/** The built-in languages by id: factories taking their options. */
export const builtinLanguages = {
  python: createPythonLanguage,
} as const;
