import {
  createLocalExecutor,
  type ExecutionResult,
  type Executor,
  judgeProgram as judgeProgramOnce,
  type Language,
  type Program,
  programJob,
  type ToolchainInfo,
  type Verdict,
} from '@passk/core';
import { expect } from 'vitest';
import { JUDGE_STEP, parseIsolatedStrict } from '../src/internal/isolated-judge-verdict.ts';

/** A one-file program as a dataset would build it. */
export function program(
  language: string,
  path: string,
  judge: string,
  contents: string,
  timeoutMs: number,
): Program {
  return { language, files: [{ path, contents }], mainFile: path, judge, timeoutMs };
}

/**
 * Runs `program` with `language` on `executor` and returns its verdict and the raw result,
 * through the run's own program → verdict path (`judgeProgram` of @passk/core).
 */
export async function judgeProgram(
  language: Language,
  toolchain: ToolchainInfo,
  executor: Executor,
  target: Program,
  timeoutFactor = 1,
): Promise<{ verdict: Verdict; result: ExecutionResult }> {
  const { verdict, result } = await judgeProgramOnce({
    language,
    toolchain,
    executor,
    program: target,
    timeoutFactor,
  });
  return { verdict, result: result ?? { steps: [] } };
}

/**
 * An executor for one test file (the default sandbox); close it in `afterAll`. Warnings it
 * recovers from (e.g. a warm server that failed and was replaced by spawning the step) are
 * appended to `warnings`, so that tests can insist there were none.
 */
export function testExecutor(
  options: { readonly useStepServers?: boolean; readonly warnings?: string[] } = {},
): Executor {
  const { warnings, ...rest } = options;
  return createLocalExecutor({
    concurrency: 2,
    ...rest,
    ...(warnings === undefined ? {} : { logger: { warn: (message) => warnings.push(message) } }),
  });
}

/** Prints why a test is skipped (a toolchain that cannot exist here) so it is never silent. */
export function skipReason(language: string, toolchain: ToolchainInfo): string | undefined {
  if (toolchain.available) return undefined;
  const reason = `${language} toolchain missing: ${toolchain.problem ?? 'not found'}`;
  process.stderr.write(`SKIPPED: ${reason}\n`);
  return reason;
}

/** A verdict, and the status the program's isolated judge reported (undefined: no clean report). */
export interface JudgedApart {
  readonly verdict: Verdict;
  readonly judged?: string;
}

/**
 * Runs `target` with `language` (detected here) through `judgeProgram`, and reads the report of
 * its isolated judge step (lines starting with `mark`); undefined when the toolchain is missing
 * (the reason printed, see {@link skipReason}). Here the judge also runs after a failing
 * reference run (which ends a job otherwise), so that its own judgement of a failing program
 * is seen; the verdict is unchanged by that.
 */
export async function judgeApart(
  language: Language,
  executor: Executor,
  target: Program,
  mark: string,
): Promise<JudgedApart | undefined> {
  const toolchain = await language.detect();
  if (skipReason(language.id, toolchain)) return undefined;
  const job = programJob(language, target, toolchain);
  const steps = job.steps.map((step) =>
    step.name === JUDGE_STEP ? step : { ...step, stopOnFailure: false },
  );
  const { verdict, result = { steps: [] } } = await judgeProgramOnce({
    language,
    toolchain,
    executor,
    program: target,
    job: { ...job, steps },
  });
  const step = result.steps.find((candidate) => candidate.name === JUDGE_STEP);
  const strict = step === undefined ? undefined : parseIsolatedStrict(step, mark);
  return { verdict, ...(strict ? { judged: strict.status } : {}) };
}

/**
 * Checks that `result` passed both the reference rule and an output judge (`judge-expected`
 * and `judge-candidate`), the two programs reporting the same `calls` values.
 */
export function expectPassedAlike(
  { verdict, result }: { verdict: Verdict; result: ExecutionResult },
  calls: number,
): void {
  expect(verdict).toMatchObject({ status: 'passed', passed: true });
  expect(verdict.reference).toBeUndefined();
  const values = (name: string) => result.steps.find((step) => step.name === name)?.report;
  expect(values('judge-candidate')).toEqual(values('judge-expected'));
  expect(values('judge-candidate')).toHaveLength(calls);
}

/**
 * Runs `target` with `language` (detected here) through `judgeProgram`; undefined when the
 * toolchain is missing (the reason printed, see {@link skipReason}).
 */
export async function judgeDetected(
  language: Language,
  executor: Executor,
  target: Program,
  timeoutFactor = 1,
): Promise<{ verdict: Verdict; result: ExecutionResult } | undefined> {
  const toolchain = await language.detect();
  if (skipReason(language.id, toolchain)) return undefined;
  return judgeProgram(language, toolchain, executor, target, timeoutFactor);
}
