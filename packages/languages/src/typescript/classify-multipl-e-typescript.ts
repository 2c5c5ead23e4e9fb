import type { ExecutionResult, Verdict } from '@passk/core';
import { judgement } from '../internal/verdict.ts';
import { classifyMultiplENodeRun } from '../javascript/classify-multipl-e-node.ts';
import { withIsolatedJudge } from '../javascript/isolated-node-verdict.ts';

/**
 * The verdict for a MultiPL-E TypeScript program (`eval_ts.py`): any non-zero `tsc` exit,
 * type errors included, is `SyntaxError` (`compile_error`; a `tsc` killed at its limit is
 * `timeout` with the same word); otherwise the `node` run is judged like MultiPL-E JavaScript
 * (see `classifyMultiplENodeRun`), and a pass must also earn the isolated judge's (`withIsolatedJudge`).
 */
export function classifyMultiplETypeScript(result: ExecutionResult): Verdict {
  const prepare = result.steps.find((step) => step.name === 'prepare');
  if (prepare !== undefined && (prepare.exitCode !== 0 || prepare.spawnError !== undefined)) {
    return judgement(
      'infra_error',
      `step 'prepare' failed: ${prepare.stderrTail.trim().slice(0, 200)}`,
    );
  }
  const compile = result.steps.find((step) => step.name === 'compile');
  const run = result.steps.find((step) => step.name === 'run');
  if (compile === undefined) return judgement('infra_error', 'no step ran');
  if (compile.spawnError !== undefined) {
    return judgement('toolchain_missing', `tsc could not be started: ${compile.spawnError}`);
  }
  if (compile.timedOut) return judgement('timeout', 'SyntaxError (tsc timed out)');
  if (compile.exitCode !== 0 || run === undefined) {
    const first = `${compile.stdoutTail}\n${compile.stderrTail}`
      .split('\n')
      .find((line) => line.includes('error'));
    return judgement('compile_error', first ? `SyntaxError: ${first.trim()}` : 'SyntaxError');
  }
  if (run.spawnError !== undefined) {
    return judgement('toolchain_missing', `Node.js could not be started: ${run.spawnError}`);
  }
  return withIsolatedJudge(classifyMultiplENodeRun(run), result);
}
