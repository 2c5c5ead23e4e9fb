import {
  type ExecutionResult,
  hasCompletionSentinel,
  type Judgement,
  type Verdict,
} from '@passk/core';
import { oneLine } from '../internal/one-line.ts';
import { withOutputJudge } from '../internal/output-judge.ts';
import { incomplete, judgement, withReference } from '../internal/verdict.ts';
import type { JavaJudge } from './java-steps.ts';

/**
 * What CodeGeeX's HumanEval-X Java evaluator says as shipped for a program that compiled: its
 * `java` line is commented out, so reading the missing result's return code raises.
 */
export const HUMANEVAL_X_JAVA_AS_SHIPPED: Judgement = judgement(
  'failed',
  "failed: 'NoneType' object has no attribute 'returncode'",
);

/**
 * The verdict for a Java program.
 *
 * `humaneval-x`, CodeGeeX's *intended* rule (the one its code would apply with the `java` line
 * enabled, as bigcode's HumanEvalPack copy does); the as-shipped result,
 * {@link HUMANEVAL_X_JAVA_AS_SHIPPED}, is kept in `Verdict.reference` for every program that
 * compiles, since CodeGeeX fails all of them:
 *
 * | what happened                               | intended string              | status           |
 * | ------------------------------------------- | ---------------------------- | ---------------- |
 * | javac killed at its limit                   | `failed: compilation error`  | `timeout`        |
 * | javac failed                                | `failed: compilation error`  | `compile_error`  |
 * | run killed at its limit                     | `time out`                   | `timeout`        |
 * | exit 0, `main` returned                     | `passed`                     | `passed`         |
 * | exit 0, `System.exit(0)` before the end     | `passed`                     | `runtime_error`  |
 * | exit 1 with "AssertionError" in stderr      | `failed: wrong answer`       | `failed`         |
 * | exit 1 with an OutOfMemoryError             | `failed: <stderr>`           | `memory_limit`   |
 * | exit 1 otherwise                            | `failed: <stderr>`           | `runtime_error`  |
 * | any other exit code or signal               | `failed: unknown error`      | `runtime_error`  |
 *
 * `multipl-e` (`eval_java.py`): javac non-zero ⇒ `SyntaxError` (`compile_error`); run
 * timeout ⇒ `Timeout`; exit 0 ⇒ `OK` (needs the completion sentinel, else `runtime_error`
 * with reference `OK`); otherwise `Exception` (`failed` for an AssertionError, `memory_limit`
 * for an OutOfMemoryError, else `runtime_error`). An output flood is `output_limit`. A
 * MultiPL-E pass must then be earned again in the output judge (`withOutputJudge`).
 */
export function classifyJava(judge: JavaJudge, result: ExecutionResult): Verdict {
  const reference = classifyJavaRun(judge, result);
  return judge === 'multipl-e' ? withOutputJudge(reference, result) : reference;
}

/** The reference rule's verdict (the table of {@link classifyJava}). */
function classifyJavaRun(judge: JavaJudge, result: ExecutionResult): Verdict {
  const [compile, run] = result.steps;
  const humanEvalX = judge === 'humaneval-x';
  if (compile === undefined) {
    return judgement(
      'toolchain_missing',
      'the javatuples jar MultiPL-E Java programs need is not installed (apt-get install libjavatuples-java or set PASSK_JAVATUPLES_JAR)',
    );
  }
  if (compile.spawnError !== undefined) {
    return judgement('toolchain_missing', `javac could not be started: ${compile.spawnError}`);
  }
  if (compile.timedOut) {
    return judgement(
      'timeout',
      humanEvalX ? 'failed: compilation error (javac timed out)' : 'SyntaxError (javac timed out)',
    );
  }
  if (compile.exitCode !== 0 || run === undefined) {
    return judgement('compile_error', humanEvalX ? 'failed: compilation error' : 'SyntaxError');
  }
  if (run.spawnError !== undefined) {
    return judgement('toolchain_missing', `java could not be started: ${run.spawnError}`);
  }
  const own = judgeRun(humanEvalX, run);
  if (humanEvalX) return withReference(stripReference(own), HUMANEVAL_X_JAVA_AS_SHIPPED);
  return own;
}

function judgeRun(
  humanEvalX: boolean,
  run: NonNullable<ExecutionResult['steps'][number]>,
): Verdict {
  const stderr = run.stderrTail;
  if (run.timedOut) return judgement('timeout', humanEvalX ? 'time out' : 'Timeout');
  if (run.outputLimitExceeded) {
    return judgement('output_limit', humanEvalX ? oneLine('failed: ', stderr) : 'Exception');
  }
  if (run.exitCode === 0) {
    const label = humanEvalX ? 'passed' : 'OK';
    return hasCompletionSentinel(run.stdoutTail) ? judgement('passed', label) : incomplete(label);
  }
  if (humanEvalX && run.exitCode !== 1) return judgement('runtime_error', 'failed: unknown error');
  if (stderr.includes('AssertionError')) {
    return judgement('failed', humanEvalX ? 'failed: wrong answer' : 'Exception');
  }
  const detail = humanEvalX ? oneLine('failed: ', stderr) : 'Exception';
  if (stderr.includes('OutOfMemoryError')) return judgement('memory_limit', detail);
  return judgement('runtime_error', detail);
}

function stripReference(verdict: Verdict): Judgement {
  return { status: verdict.status, passed: verdict.passed, detail: verdict.detail };
}
