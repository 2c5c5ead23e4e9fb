import type { ExecutionResult, StepResult, Verdict, VerdictStatus } from '@passk/core';
import { judgement, withReference } from '../internal/verdict.ts';
import {
  type EvalPlusReport,
  type EvalPlusSubsetReport,
  parseEvalPlusReport,
} from './evalplus-report.ts';
import {
  type EvalPlusStrictReport,
  type EvalPlusVerdict,
  parseEvalPlusVerdict,
} from './evalplus-verdict.ts';
import type { ReferenceEnding } from './isolated-verdict.ts';
import { runnerSetupStatus } from './runner-setup-status.ts';

/** Exit code and stderr prefix of `evalplus_runner.py` when it could not set up. */
const RUNNER_SETUP_FAILED = 3;
const RUNNER_MESSAGE = 'passk-runner:';

/** Exceptions that come from compiling the solution rather than running it. */
const COMPILE_EXCEPTIONS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/** Added to the detail of a solution that EvalPlus's in-process check passes and passk does not. */
export const EVALPLUS_ISOLATED_NOTE =
  "solution called in a process of its own, outputs compared apart as plain data; EvalPlus, comparing in the solution's process, passes it";

/**
 * The verdict for an `evalplus` or `evalplus-check` run. EvalPlus scores a sample correct on
 * "base" when the base inputs pass and on "plus" when base and plus inputs both pass; passk's
 * `passed` is the plus verdict and `subsets.base` the base verdict. `detail` gives EvalPlus's
 * statuses (`base: pass, plus: fail`) and why the first failing subset failed.
 *
 * The status of a failing sample comes from the first failing subset (base, else plus):
 *
 * | what happened (EvalPlus status)                               | status              |
 * | ------------------------------------------------------------- | ------------------- |
 * | the interpreter could not be started                          | `toolchain_missing` |
 * | the runner or the ground truth could not be set up            | `infra_error`       |
 * | `fail`: exec of the solution raised SyntaxError and the like  | `compile_error`     |
 * | `fail`: a wrong output (the comparison failed)                | `failed`            |
 * | `fail`: an input over its time limit (TimeoutException)       | `timeout`           |
 * | `fail`: MemoryError                                           | `memory_limit`      |
 * | `fail`: any other exception (no entry point, a crash in it)   | `runtime_error`     |
 * | `timeout`: the child ran over its budget and was killed       | `timeout`           |
 * | `timeout`: the child ended without a status (`os._exit`, crash)| `runtime_error`     |
 * | no report: the solution wrote past the output limit (C level) | `output_limit`      |
 *
 * EvalPlus counts only `pass` as correct, so these refinements never change pass/fail.
 *
 * The `evalplus` judge (`evalplus_judge.py`, a verdict line on the step's stdout) reports two
 * judgements: EvalPlus's with the solution called in a process of its own and the outputs
 * compared in the judge's as plain data (`strict`), and EvalPlus's own in-process check
 * (`reference`). The verdict is the reference's when it did not pass (exactly EvalPlus's,
 * except that a base pass needs the base inputs to pass apart too); when it passed, passk
 * passes only if the strict judgement passed too, and otherwise takes its status (the table
 * above; the detail says why) and keeps EvalPlus's pass in `Verdict.reference`. An
 * `evalplus-check` step (`check`'s report file) is judged by EvalPlus's rule alone.
 */
export function classifyEvalPlus(result: ExecutionResult): Verdict {
  const [groundTruth, check] = result.steps;
  if (groundTruth === undefined) return plain('infra_error', 'no step ran');
  if (groundTruth.spawnError !== undefined) return notStarted(groundTruth);
  if (check === undefined) return setupFailure(groundTruth, 'ground truth');
  if (check.spawnError !== undefined) return notStarted(check);
  const judged = parseEvalPlusVerdict(check.stdoutTail);
  if (judged !== null) return fromJudged(judged);
  const report = parseEvalPlusReport(check.report);
  if (report === null) return withoutReport(check);
  return fromReport(report);
}

function fromJudged({ strict, reference }: EvalPlusVerdict): Verdict {
  const evalPlus = 'base' in reference ? fromReport(reference) : fromEnding(reference);
  const strictBase = strict.base.status === 'pass';
  if (!evalPlus.passed) {
    return evalPlus.subsets?.base === true && !strictBase
      ? { ...evalPlus, subsets: { base: false } }
      : evalPlus;
  }
  const own = fromStrict(strict);
  if (own.passed) return evalPlus;
  const verdict = withReference(
    judgement(own.status, `${own.detail} (${EVALPLUS_ISOLATED_NOTE})`),
    judgement('passed', evalPlus.detail),
  );
  return { ...verdict, subsets: { base: strictBase } };
}

/** The strict judgement alone: EvalPlus's rule on the outputs the solution's process returned. */
function fromStrict({ base, plus }: EvalPlusStrictReport): Verdict {
  if (base.status === 'pass' && plus?.status === 'pass')
    return plain('passed', 'base: pass, plus: pass');
  const summary = `base: ${base.status}, plus: ${plus?.status ?? 'not run'}`;
  const [name, subset] = plus === null ? (['base', base] as const) : (['plus', plus] as const);
  const [status, reason] = explain(subset);
  return { status, passed: false, detail: `${summary} (${name} ${reason})` };
}

function fromReport(report: EvalPlusReport): Verdict {
  const summary = `base: ${report.base.status}, plus: ${report.plus.status}`;
  const subsets = { base: report.base.status === 'pass' };
  if (report.base.status === 'pass' && report.plus.status === 'pass')
    return { status: 'passed', passed: true, detail: summary, subsets };
  const [name, subset] =
    report.base.status === 'pass'
      ? (['plus', report.plus] as const)
      : (['base', report.base] as const);
  const [status, reason] = explain(subset);
  return { status, passed: false, detail: `${summary} (${name} ${reason})`, subsets };
}

/** EvalPlus's check (the reference run) ended without a report. */
function fromEnding(ending: ReferenceEnding): Verdict {
  if (ending.timedOut) return plain('timeout', "EvalPlus's check ran past its time and was killed");
  const how =
    ending.signal !== null ? `killed by ${ending.signal}` : `exit code ${ending.exitCode}`;
  return plain('runtime_error', `EvalPlus's check ended without a report (${how})`);
}

function explain(subset: EvalPlusSubsetReport): readonly [VerdictStatus, string] {
  const input = subset.failedInput === undefined ? 'input' : `input ${subset.failedInput}`;
  const raised = `${subset.exception ?? 'an exception'}${subset.message ? `: ${subset.message}` : ''}`;
  if (subset.status === 'timeout') {
    if (subset.killed) return ['timeout', `ran past its ${subset.budgetSeconds} s budget`];
    const how =
      subset.signal === undefined ? `exit code ${subset.exitCode}` : `signal ${subset.signal}`;
    return ['runtime_error', `ended without a status: ${how}`];
  }
  switch (subset.phase) {
    case 'exec':
      return [
        COMPILE_EXCEPTIONS.has(subset.exception ?? '') ? 'compile_error' : 'runtime_error',
        `exec raised ${raised}`,
      ];
    case 'entry_point':
      return ['runtime_error', `has no entry point (${raised})`];
    case 'call':
      if (subset.exception === 'TimeoutException')
        return ['timeout', `${input} over its ${subset.timeLimitSeconds} s limit`];
      if (subset.exception === 'MemoryError') return ['memory_limit', `${input} raised ${raised}`];
      return ['runtime_error', `${input} raised ${raised}`];
    default:
      return ['failed', `${input}: wrong output`];
  }
}

function plain(status: VerdictStatus, detail: string): Verdict {
  return { status, passed: status === 'passed', detail };
}

function notStarted(step: StepResult): Verdict {
  return plain('toolchain_missing', `Python could not be started: ${step.spawnError}`);
}

function setupFailure(step: StepResult, what: string): Verdict {
  const line = step.stderrTail.split('\n').find((text) => text.includes(RUNNER_MESSAGE));
  if (step.timedOut) return plain('infra_error', `${what}: timed out after ${step.durationMs} ms`);
  const detail = `${what}: ${line?.trim() ?? `exit code ${step.exitCode}${step.signal ? ` (${step.signal})` : ''}`}`;
  return plain(runnerSetupStatus(detail), detail);
}

function withoutReport(check: StepResult): Verdict {
  if (check.exitCode === RUNNER_SETUP_FAILED || check.exitCode === 2)
    return setupFailure(check, 'check');
  if (check.timedOut)
    return plain('timeout', `check step killed at its ${check.durationMs} ms limit`);
  if (check.outputLimitExceeded)
    return plain('output_limit', 'the check was killed: the solution wrote past the output limit');
  const how = check.signal !== null ? `killed by ${check.signal}` : `exit code ${check.exitCode}`;
  return plain('runtime_error', `the check ended without a report (${how})`);
}
