import type { ExecutionLimits, ExecutionResult, Executor, Step } from '../spec/executor.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Program } from '../spec/program.ts';
import { INFRASTRUCTURE_STATUSES, type Verdict } from '../spec/verdict.ts';
import { judgeExecution } from './judge-execution.ts';

/** What an executor runs for a program: the language's steps and limits. */
export interface ProgramJob {
  readonly program: Program;
  readonly steps: readonly Step[];
  readonly limits: ExecutionLimits;
  /** Multiplier of every time limit the steps were built with. */
  readonly timeoutFactor: number;
}

/** Default number of re-executions of a program whose verdict is an infrastructure fault. */
export const DEFAULT_INFRASTRUCTURE_RETRIES = 2;

/**
 * The job for `program` in `language`: its steps for `toolchain` (time limits times
 * `timeoutFactor`, default 1) and its limits. Pure.
 */
export function programJob(
  language: Language,
  program: Program,
  toolchain: ToolchainInfo,
  timeoutFactor = 1,
): ProgramJob {
  return {
    program,
    steps: language.steps(program, toolchain, { timeoutFactor }),
    limits: language.limits(program),
    timeoutFactor,
  };
}

/** Options of {@link judgeProgram}. */
export interface JudgeProgramOptions {
  readonly language: Language;
  /** The language's toolchain (`detect()`); unavailable gives `toolchain_missing` without executing. */
  readonly toolchain: ToolchainInfo;
  readonly executor: Executor;
  readonly program: Program;
  /** The job, when the caller already built it (`programJob`); built here otherwise. */
  readonly job?: ProgramJob;
  /** Multiplier of every time limit (default 1); ignored when `job` is given. */
  readonly timeoutFactor?: number;
  /** Re-executions while the verdict is an infrastructure fault (default 2). */
  readonly maxInfrastructureRetries?: number;
  /**
   * Identity of the execution (`ExecutionOrigin.key`; the run's execution key): re-executions
   * after an infrastructure fault get `.retry<N>` appended. Default none.
   */
  readonly key?: string;
  /** A conversation waits on it (`ExecutionJob.urgent`): queued ahead of scoring jobs. */
  readonly urgent?: boolean;
  readonly signal?: AbortSignal;
}

/** A program's verdict and the execution it came from. */
export interface ProgramJudgement {
  readonly verdict: Verdict;
  /** The last execution; absent when nothing ran (`toolchain_missing`). */
  readonly result?: ExecutionResult;
  /** Executions made (0 when the toolchain is missing). */
  readonly attempts: number;
}

/**
 * The one program → verdict path of passk (runs, selftest, the hostile-programs kit, tests):
 * builds the language's steps and limits, executes them, judges the result with
 * `judgeExecution` (infrastructure faults, the language's rule, exceeded limits) and
 * re-executes while the verdict is an infrastructure fault (`infra_error`), at most
 * `maxInfrastructureRetries` times or until `signal` aborts. A missing toolchain is the verdict
 * `toolchain_missing`, without executing.
 *
 * Never throws for a failing program; rejects when the executor is broken or aborted.
 */
export async function judgeProgram(options: JudgeProgramOptions): Promise<ProgramJudgement> {
  const { language, toolchain, program, signal } = options;
  if (!toolchain.available) {
    return {
      verdict: {
        status: 'toolchain_missing',
        passed: false,
        detail: toolchain.problem ?? `${program.language} toolchain not found`,
      },
      attempts: 0,
    };
  }
  const job = options.job ?? programJob(language, program, toolchain, options.timeoutFactor);
  const retries = options.maxInfrastructureRetries ?? DEFAULT_INFRASTRUCTURE_RETRIES;
  let attempts = 0;
  for (;;) {
    const key =
      options.key === undefined || attempts === 0 ? options.key : `${options.key}.retry${attempts}`;
    const result = await options.executor.execute(
      {
        files: program.files,
        steps: job.steps,
        limits: job.limits,
        ...(options.urgent ? { urgent: true } : {}),
        origin: {
          program,
          toolchain,
          timeoutFactor: options.job ? job.timeoutFactor : (options.timeoutFactor ?? 1),
          ...(key === undefined ? {} : { key }),
        },
      },
      signal,
    );
    const verdict = judgeExecution(language, program, result);
    attempts++;
    if (!INFRASTRUCTURE_STATUSES.has(verdict.status) || attempts > retries || signal?.aborted) {
      return { verdict, result, attempts };
    }
  }
}
