import type { ExecutionResult, ResourceLimit } from '../spec/executor.ts';
import type { Language } from '../spec/language.ts';
import type { Program } from '../spec/program.ts';
import { isCpuBound, type Verdict, type VerdictStatus } from '../spec/verdict.ts';

/** The status a failure gets when the executor saw a resource limit being exceeded. */
export const LIMIT_STATUSES: Readonly<Record<ResourceLimit, VerdictStatus>> = {
  wall_time: 'timeout',
  cpu_time: 'timeout',
  memory: 'memory_limit',
  output: 'output_limit',
  file_size: 'output_limit',
  disk: 'output_limit',
  processes: 'runtime_error',
};

/**
 * The statuses a limit replaces: generic failures. A pass stays a pass, and a status that
 * already names a cause (`timeout`, `memory_limit`, `output_limit`, infrastructure faults)
 * is kept: e.g. a fork bomb that met the process limit and then ran out of time is a timeout.
 */
const OVERRIDDEN: ReadonlySet<VerdictStatus> = new Set([
  'failed',
  'runtime_error',
  'compile_error',
]);

/** How each limit is named in a verdict's detail. */
const LIMIT_WORDS: Readonly<Record<ResourceLimit, string>> = {
  wall_time: 'wall-clock time limit exceeded',
  cpu_time: 'CPU time limit exceeded',
  memory: 'memory limit exceeded',
  output: 'output limit exceeded',
  file_size: 'file size limit reached',
  disk: 'work area full',
  processes: 'process limit reached',
};

/**
 * The verdict for an executed program, in three layers:
 * 1. a step that could not run for an infrastructure reason (`StepResult.infraError`: the
 *    sandbox did not start, the machine ran out of memory) makes the verdict `infra_error`,
 *    whatever the language would say: it is retried and never counted as a model failure;
 * 2. otherwise the language's own classification (`language.classify`), which follows the
 *    reference harness and, where passk is stricter, carries the reference judgement;
 * 3. a generic failure (`failed`, `runtime_error`, `compile_error`) of a step that exceeded a
 *    resource limit (`StepResult.limit` of the last step) gets that limit's status
 *    (`LIMIT_STATUSES`: e.g. a disk filler is `output_limit`, a program killed by RLIMIT_CPU
 *    `timeout`), its detail naming the limit. A pass stays a pass.
 *
 * A `timeout` whose language did not say whether it was CPU-bound gets `cpuBound` from the
 * last step: true when RLIMIT_CPU ended it (`cpu_time`), else from the CPU time the executor
 * measured when it killed the step at its wall-clock limit.
 */
export function judgeExecution(
  language: Language,
  program: Program,
  result: ExecutionResult,
): Verdict {
  const fault = result.steps.find((step) => step.infraError !== undefined);
  if (fault?.infraError !== undefined) {
    return { status: 'infra_error', passed: false, detail: fault.infraError };
  }
  return withCpuBound(withLimitStatus(language.classify(program, result), result), result);
}

/** `verdict` with the status of the resource limit the last step exceeded, where that applies. */
function withLimitStatus(verdict: Verdict, result: ExecutionResult): Verdict {
  const limit = result.steps.at(-1)?.limit;
  if (limit === undefined || !OVERRIDDEN.has(verdict.status)) return verdict;
  const status = LIMIT_STATUSES[limit];
  if (status === verdict.status) return verdict;
  return { ...verdict, status, detail: `${verdict.detail} (${LIMIT_WORDS[limit]})` };
}

/** Adds `cpuBound` to a timeout the language left open: from the CPU limit or the CPU time. */
function withCpuBound(verdict: Verdict, result: ExecutionResult): Verdict {
  if (verdict.status !== 'timeout' || verdict.cpuBound !== undefined) return verdict;
  const last = result.steps.at(-1);
  // RLIMIT_CPU ended it: it used its whole time limit as CPU.
  if (last?.limit === 'cpu_time') return { ...verdict, cpuBound: true };
  if (last?.cpuMs === undefined || !last.timedOut) return verdict;
  return { ...verdict, cpuBound: isCpuBound(last.cpuMs, last.durationMs) };
}
