import type { ExecutionResult, StepResult, Verdict, VerdictStatus } from '@passk/core';
import {
  type EvalPlusReport,
  type EvalPlusSubsetReport,
  parseEvalPlusReport,
} from './evalplus-report.ts';
import { runnerSetupStatus } from './runner-setup-status.ts';

/** Exit code and stderr prefix of `evalplus_runner.py` when it could not set up. */
const RUNNER_SETUP_FAILED = 3;
const RUNNER_MESSAGE = 'passk-runner:';

/** Exceptions that come from compiling the solution rather than running it. */
const COMPILE_EXCEPTIONS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/**
 * The verdict for an `evalplus` run. EvalPlus scores a sample correct on "base" when the base
 * inputs pass and on "plus" when base and plus inputs both pass; passk's `passed` is the plus
 * verdict and `subsets.base` the base verdict. `detail` gives EvalPlus's statuses
 * (`base: pass, plus: fail`) and why the first failing subset failed.
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
 * EvalPlus counts only `pass` as correct, so these refinements never change pass/fail. One
 * pass EvalPlus gives passk refuses: an output equal to the expected one only by its own
 * `__eq__` (a rigged object, a subclass of int): `failed` ("rigged equality"), with EvalPlus's
 * `passed` kept as `reference`.
 */
export function classifyEvalPlus(result: ExecutionResult): Verdict {
  const [groundTruth, check] = result.steps;
  if (groundTruth === undefined) return plain('infra_error', 'no step ran');
  if (groundTruth.spawnError !== undefined) return notStarted(groundTruth);
  if (check === undefined) return setupFailure(groundTruth, 'ground truth');
  if (check.spawnError !== undefined) return notStarted(check);
  const report = parseEvalPlusReport(check.report);
  if (report === null) return withoutReport(check);
  return fromReport(report);
}

function fromReport(report: EvalPlusReport): Verdict {
  const summary = `base: ${report.base.status}, plus: ${report.plus.status}`;
  const subsets = { base: report.base.status === 'pass' };
  if (report.base.status === 'pass' && report.plus.status === 'pass') {
    const rigged = riggedEquality(report);
    if (rigged === undefined) return { status: 'passed', passed: true, detail: summary, subsets };
    // EvalPlus passes it; passk does not: its outputs equal the expected ones only by their
    // own __eq__. The reference judgement is kept (`--verdicts reference`).
    return {
      status: 'failed',
      passed: false,
      detail: `${summary} by EvalPlus's comparison; ${rigged}`,
      subsets: { base: report.base.strictFailedInput === undefined },
      reference: { status: 'passed', passed: true, detail: summary },
    };
  }
  const [name, subset] =
    report.base.status === 'pass'
      ? (['plus', report.plus] as const)
      : (['base', report.base] as const);
  const [status, reason] = explain(subset);
  return { status, passed: false, detail: `${summary} (${name} ${reason})`, subsets };
}

/** Why passk's plain-value comparison refuses a pass EvalPlus gives, or undefined. */
function riggedEquality(report: EvalPlusReport): string | undefined {
  const [name, input] =
    report.base.strictFailedInput === undefined
      ? (['plus', report.plus.strictFailedInput] as const)
      : (['base', report.base.strictFailedInput] as const);
  if (input === undefined) return undefined;
  return `rigged equality: the output of ${name} input ${input} is not the expected value as plain data`;
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
