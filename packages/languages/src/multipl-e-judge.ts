import { constants } from 'node:os';
import {
  type ExecutionResult,
  hasCompletionSentinel,
  type StepResult,
  type Verdict,
  type VerdictStatus,
  withoutCompletionSentinel,
} from '@passk/core';
import { referenceSteps } from './internal/isolated-judge-verdict.ts';
import type { TestEndLocator, TestEvidence } from './internal/test-evidence.ts';
import { judgement, withReference } from './internal/verdict.ts';

/** The status words of MultiPL-E's evaluator (`evaluation/src/eval_*.py`). */
export type MultiplEStatus =
  | 'OK'
  | 'SyntaxError'
  | 'Exception'
  | 'AssertionError'
  | 'Timeout'
  | 'ReferenceError';

/** A step's ending as MultiPL-E's `safe_subprocess.run` reports it. */
export interface MultiplEOutcome {
  /** Exit code; `-1` after a timeout, `-<signal number>` when killed by a signal. */
  readonly exitCode: number;
  /** True when the step's time limit killed it. */
  readonly timedOut: boolean;
  /** Tail of stdout without passk's completion sentinel. */
  readonly stdout: string;
  /** Tail of stderr. */
  readonly stderr: string;
  /** Total bytes written to stderr (MultiPL-E's "stderr is empty" tests use this). */
  readonly stderrBytes: number;
}

/**
 * MultiPL-E's usual status rule: `Timeout` after a timeout, `OK` on exit code 0, otherwise what
 * `failure` says of the outcome (`SyntaxError`, `Exception`, …).
 */
export function exitCodeStatus(
  failure: (outcome: MultiplEOutcome) => MultiplEStatus,
): (outcome: MultiplEOutcome) => MultiplEStatus {
  return (outcome) =>
    outcome.timedOut ? 'Timeout' : outcome.exitCode === 0 ? 'OK' : failure(outcome);
}

/**
 * The rule of MultiPL-E's Ruby and Julia evaluators: a non-zero exit is `Exception` when
 * stderr is empty, `SyntaxError` otherwise.
 */
export const exceptionWhenStderrEmpty = exitCodeStatus((run) =>
  run.stderr.trim() === '' ? 'Exception' : 'SyntaxError',
);

/** How one language judges its programs under MultiPL-E's rules. */
export interface MultiplERules {
  /** Language name for messages (`Lua`). */
  readonly language: string;
  /** Name of the build step, for compiled languages. */
  readonly buildStep?: string;
  /** MultiPL-E's status for a failed build (default: `Timeout` when timed out, else `SyntaxError`). */
  readonly buildStatus?: (build: MultiplEOutcome) => MultiplEStatus;
  /** MultiPL-E's status for the run step (its `eval_<lang>.py` rule). */
  readonly runStatus: (run: MultiplEOutcome) => MultiplEStatus;
  /** True when the run shows positive evidence that the tests ran to completion. */
  readonly completed: (run: StepResult) => boolean;
  /** What that evidence is, for messages (`luaunit's summary`). */
  readonly evidence: string;
  /**
   * The evidence passk writes into the benchmark's test function, by a `prepare` step before
   * the others (none when the program does not end with that function: it then cannot pass).
   * None where the test framework reports completion itself (Ruby's Test::Unit).
   */
  readonly testEvidence?: TestEvidence;
  /**
   * passk status of a failing run whose MultiPL-E status is `word`, when the language can
   * tell more than the word (a failed test is `failed`, a parse error `compile_error`);
   * undefined keeps the default (`SyntaxError` → `compile_error`, `AssertionError` →
   * `failed`, otherwise `runtime_error`).
   */
  readonly failureStatus?: (
    word: MultiplEStatus,
    run: MultiplEOutcome,
  ) => VerdictStatus | undefined;
  /** Matches stderr or stdout (test frameworks report errors there) of a run that ran out of memory. */
  readonly outOfMemory?: RegExp;
}

/** Evidence: passk's completion sentinel on stdout (printed by the language's wrapper). */
export function sentinelPrinted(run: StepResult): boolean {
  return hasCompletionSentinel(run.stdoutTail);
}

/**
 * The evidence fields of {@link MultiplERules} for a language whose evidence is the sentinel
 * printed by `code`, which passk writes where `locate` finds the end of the benchmark's tests
 * (`where` says where, for messages).
 */
export function sentinelEvidence(
  locate: TestEndLocator,
  code: string,
  where = 'from the end of the test function',
): Pick<MultiplERules, 'completed' | 'evidence' | 'testEvidence'> {
  return {
    completed: sentinelPrinted,
    evidence: `completion sentinel ${where}`,
    testEvidence: { locate, code },
  };
}

/** The outcome MultiPL-E would record for `step`. */
export function multiplEOutcome(step: StepResult): MultiplEOutcome {
  const signal =
    step.signal === null
      ? undefined
      : constants.signals[step.signal as keyof typeof constants.signals];
  const exitCode = step.timedOut ? -1 : (step.exitCode ?? (signal === undefined ? -1 : -signal));
  return {
    exitCode,
    timedOut: step.timedOut,
    stdout: withoutCompletionSentinel(step.stdoutTail),
    stderr: step.stderrTail,
    stderrBytes: step.stderrBytes,
  };
}

const STATUS_OF: Readonly<Record<MultiplEStatus, VerdictStatus>> = {
  OK: 'runtime_error',
  SyntaxError: 'compile_error',
  Timeout: 'timeout',
  AssertionError: 'failed',
  Exception: 'runtime_error',
  ReferenceError: 'runtime_error',
};

/**
 * The verdict of a MultiPL-E program under `rules`. `detail` is MultiPL-E's status word.
 *
 * | what happened                                   | MultiPL-E          | passk status        |
 * | ----------------------------------------------- | ------------------ | ------------------- |
 * | a command could not be started                  | (n/a)              | `toolchain_missing` |
 * | no step ran, or a preparation step failed       | (n/a)              | `infra_error`       |
 * | the build failed / timed out                    | `SyntaxError` / `Timeout` | `compile_error` / `timeout` |
 * | output over the cap                             | (n/a: it truncates) | `output_limit`     |
 * | the run's rule says `OK`, exit 0, with evidence | `OK`               | `passed`            |
 * | `OK`, exit 0, without evidence (early exit)     | `OK`               | `runtime_error`, `reference` = passed |
 * | killed at the time limit                        | `Timeout` (PHP: `Exception`) | `timeout`  |
 * | out-of-memory message on stderr                 | `Exception`        | `memory_limit`      |
 * | `SyntaxError`                                   | `SyntaxError`      | `compile_error`     |
 * | `AssertionError`                                | `AssertionError`   | `failed`            |
 * | `Exception` (or another word)                   | `Exception`        | `failed` for a failed test, `compile_error` for a parse error (per language), else `runtime_error` |
 *
 * Steps of a judge that follows the reference steps (`referenceSteps`) are not part of this rule.
 * MultiPL-E counts a sample as passed when its status is `OK` and its exit code 0; passk
 * also requires the evidence, and returns MultiPL-E's judgement in `reference` where the two
 * differ.
 */
export function judgeMultiplE(result: ExecutionResult, rules: MultiplERules): Verdict {
  const steps = referenceSteps(result.steps);
  const last = steps.at(-1);
  if (last === undefined) return judgement('infra_error', 'no step ran');
  const unstarted = steps.find((step) => step.spawnError !== undefined);
  if (unstarted !== undefined) {
    return judgement(
      'toolchain_missing',
      `${rules.language} could not be started (step '${unstarted.name}'): ${unstarted.spawnError}`,
    );
  }
  if (rules.buildStep !== undefined && last.name === rules.buildStep) {
    const build = multiplEOutcome(last);
    if (last.outputLimitExceeded)
      return judgement('output_limit', 'SyntaxError (build output limit exceeded)');
    const word = rules.buildStatus?.(build) ?? (build.timedOut ? 'Timeout' : 'SyntaxError');
    if (word === 'OK')
      return judgement('infra_error', `the build step '${last.name}' ended the job`);
    return judgement(word === 'Timeout' ? 'timeout' : STATUS_OF[word], word);
  }
  if (last.name !== 'run') {
    return judgement(
      'infra_error',
      `step '${last.name}' failed (exit code ${last.exitCode}): ${last.stderrTail.trim().slice(0, 200)}`,
    );
  }
  if (last.outputLimitExceeded)
    return judgement('output_limit', 'Exception (output limit exceeded)');
  const run = multiplEOutcome(last);
  const word = rules.runStatus(run);
  if (word === 'OK' && run.exitCode === 0) {
    if (rules.completed(last)) return judgement('passed', 'OK');
    return withReference(
      judgement(
        'runtime_error',
        `OK by MultiPL-E's rule, but the program ended before its tests completed (no ${rules.evidence})`,
      ),
      judgement('passed', 'OK'),
    );
  }
  if (run.timedOut) return judgement('timeout', word);
  if (rules.outOfMemory?.test(`${run.stderr}\n${run.stdout}`)) {
    return judgement('memory_limit', word);
  }
  return judgement(rules.failureStatus?.(word, run) ?? STATUS_OF[word], word);
}
