import type { ExecutionResult, Verdict } from '@passk/core';
import { judgement } from '../internal/verdict.ts';
import { classifyHumanEvalXJavaScript } from './classify-humaneval-x-javascript.ts';
import { classifyMultiplENodeRun } from './classify-multipl-e-node.ts';
import { JUDGE_STEP, withIsolatedJudge } from './isolated-node-verdict.ts';
import type { JavaScriptJudge } from './javascript-steps.ts';

/**
 * The verdict of a JavaScript program under `judge`: `infra_error` when a step before the run
 * (`prepare`) failed, `toolchain_missing` when Node.js could not be started, else CodeGeeX's rule
 * (`classifyHumanEvalXJavaScript`) or MultiPL-E's (`classifyMultiplENodeRun`) on the `run` step,
 * which a pass must also earn in the isolated judge's step (`withIsolatedJudge`).
 */
export function classifyJavaScript(judge: JavaScriptJudge, result: ExecutionResult): Verdict {
  const run = result.steps.filter((step) => step.name !== JUDGE_STEP).at(-1);
  if (run !== undefined && run.name !== 'run') {
    return judgement(
      'infra_error',
      `step '${run.name}' failed: ${run.stderrTail.trim().slice(0, 200)}`,
    );
  }
  if (run?.spawnError !== undefined) {
    return judgement('toolchain_missing', `Node.js could not be started: ${run.spawnError}`);
  }
  if (run === undefined) return judgement('infra_error', 'no step ran');
  const reference =
    judge === 'humaneval-x'
      ? classifyHumanEvalXJavaScript({ ...result, steps: [run] })
      : classifyMultiplENodeRun(run);
  return withIsolatedJudge(reference, result);
}
