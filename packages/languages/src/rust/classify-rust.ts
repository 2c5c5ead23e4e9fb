import type { ExecutionResult, Verdict } from '@passk/core';
import { nativeEnding } from '../internal/native-verdict.ts';
import { withOutputJudge } from '../internal/output-judge.ts';
import { incomplete, judgement } from '../internal/verdict.ts';
import type { RustJudge } from './rust-steps.ts';

/** libtest's summary line when every test passed. */
const TESTS_PASSED = /^test result: ok\./m;

/**
 * The verdict for a Rust program.
 *
 * `humaneval-x` (CodeGeeX's `cargo check` + `cargo test`; every failure after a clean check is
 * its `failed: execution error`):
 *
 * | what happened                                   | CodeGeeX says                | status              |
 * | ----------------------------------------------- | ---------------------------- | ------------------- |
 * | crates missing / rustc could not be started     | (n/a)                        | `toolchain_missing` |
 * | a compile step killed at its limit              | `timed out`                  | `timeout`           |
 * | check failed                                    | `failed: compilation error`  | `compile_error`     |
 * | the test build failed (errors only under `cfg(test)`) | `failed: execution error` | `compile_error`  |
 * | test run killed at its limit                    | `timed out`                  | `timeout`           |
 * | exit 0 with libtest's `test result: ok.`        | `passed`                     | `passed`            |
 * | exit 0 without it (`process::exit(0)` in a test)| `passed`                     | `runtime_error`, reference `passed` |
 * | an assertion failed                             | `failed: execution error`    | `failed`            |
 * | any other panic, crash or output flood          | `failed: execution error`    | `runtime_error` / `memory_limit` / `output_limit` |
 *
 * `multipl-e` (`eval_rust.py`): rustc non-zero ⇒ `SyntaxError`, rustc timeout ⇒ `Timeout`;
 * run timeout ⇒ `Timeout`; exit 0 ⇒ `OK` (needs the completion sentinel); else `Exception`
 * (`failed` for an assertion panic, `runtime_error` for other panics such as debug-mode integer
 * overflow). A pass then stands only when passk's output judge agrees (`withOutputJudge`: the
 * candidate's calls, run from its code alone, print the values the tests expect); otherwise
 * the judge's status, with MultiPL-E's pass kept in `Verdict.reference`.
 */
export function classifyRust(judge: RustJudge, result: ExecutionResult): Verdict {
  const reference = referenceVerdict(judge, result);
  return judge === 'multipl-e' ? withOutputJudge(reference, result) : reference;
}

/** The verdict of the reference rule alone (the steps it reads, found by name). */
function referenceVerdict(judge: RustJudge, result: ExecutionResult): Verdict {
  const steps = result.steps;
  const humanEvalX = judge === 'humaneval-x';
  if (steps.length === 0) {
    return judgement(
      'toolchain_missing',
      'the rand, regex and md5 crates HumanEval-X Rust programs use are not built; see `passk doctor` (apt-get install cargo librust-rand-dev librust-regex-dev librust-md5-dev)',
    );
  }
  const find = (name: string) => steps.find((step) => step.name === name);
  const compileSteps = (humanEvalX ? [find('check'), find('build')] : [find('compile')]).filter(
    (step) => step !== undefined,
  );
  for (const [index, step] of compileSteps.entries()) {
    if (step.spawnError !== undefined) {
      return judgement('toolchain_missing', `rustc could not be started: ${step.spawnError}`);
    }
    if (step.timedOut) return judgement('timeout', humanEvalX ? 'timed out' : 'Timeout');
    if (step.exitCode !== 0) {
      if (!humanEvalX) return judgement('compile_error', 'SyntaxError');
      return judgement(
        'compile_error',
        index === 0 ? 'failed: compilation error' : 'failed: execution error',
      );
    }
  }
  const run = find('run');
  if (run === undefined) return judgement('infra_error', 'the program was built but did not run');
  if (run.spawnError !== undefined) {
    return judgement('infra_error', `the compiled program could not be started: ${run.spawnError}`);
  }
  const failed = humanEvalX ? 'failed: execution error' : 'Exception';
  const ending = nativeEnding(run);
  if (ending === 'timeout') return judgement('timeout', humanEvalX ? 'timed out' : 'Timeout');
  if (ending === 'output_limit') return judgement('output_limit', failed);
  if (run.exitCode === 0) {
    const completed = humanEvalX ? TESTS_PASSED.test(run.stdoutTail) : ending === 'completed';
    if (completed) return judgement('passed', humanEvalX ? 'passed' : 'OK');
    return incomplete(humanEvalX ? 'passed' : 'OK');
  }
  const output = `${run.stdoutTail}\n${run.stderrTail}`;
  if (ending === 'assertion' || /panicked at[^\n]*\n?[^\n]*assertion/.test(output)) {
    return judgement('failed', failed);
  }
  if (ending === 'out_of_memory' || /memory allocation of \d+ bytes failed/.test(output)) {
    return judgement('memory_limit', failed);
  }
  return judgement('runtime_error', failed);
}
