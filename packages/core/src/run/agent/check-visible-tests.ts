import type { DeniedAccess } from '../../spec/agent.ts';
import type { Dataset } from '../../spec/dataset.ts';
import type { ResourceLimit } from '../../spec/executor.ts';
import type { Problem } from '../../spec/problem.ts';
import type { Candidate } from '../../spec/program.ts';
import type { VerdictStatus } from '../../spec/verdict.ts';
import type { ProgramJudgement } from '../judge-program.ts';
import { classifyDeniedAccess } from './classify-denied-access.ts';
import { failedVisibleExample, failedVisibleExampleInOutput } from './failed-visible-example.ts';

/** A judged visible-tests program: the verdict, its duration and the last step's output tails. */
export interface VisibleJudgement {
  readonly status: VerdictStatus;
  readonly passed: boolean;
  readonly detail: string;
  readonly durationMs: number;
  readonly stdoutTail?: string;
  readonly stderrTail?: string;
  /** The sandbox limit that stopped the program (memory, processes, file size, …), if any. */
  readonly limit?: ResourceLimit;
}

/** A `ProgramJudgement` (judgeProgram's answer) as a {@link VisibleJudgement}. */
export function visibleJudgementOf({ verdict, result }: ProgramJudgement): VisibleJudgement {
  const last = result?.steps.at(-1);
  const limit = result?.steps.find((step) => step.limit !== undefined)?.limit;
  return {
    status: verdict.status,
    passed: verdict.passed,
    detail: verdict.detail,
    durationMs: Math.round(
      (result?.steps ?? []).reduce((total, step) => total + step.durationMs, 0),
    ),
    ...(last ? { stdoutTail: last.stdoutTail, stderrTail: last.stderrTail } : {}),
    ...(limit === undefined ? {} : { limit }),
  };
}

/** A program's outcome on a problem's visible tests: what `run_tests` and `check_solution` report. */
export interface VisibleCheck {
  readonly status: VerdictStatus;
  readonly passed: boolean;
  /** The reason in the benchmark's words. */
  readonly detail: string;
  /** Execution time of the program in milliseconds. */
  readonly durationMs: number;
  /** The visible example that failed, when the failure names one. */
  readonly failedExample?: {
    /** Number of the example, from 1. */
    readonly example: number;
    readonly input: string;
    readonly expected?: string;
    readonly message: string;
  };
  /** End of the last step's output. */
  readonly stdoutTail?: string;
  readonly stderrTail?: string;
  /** The sandbox limit that stopped the program, if one did (the call was contained). */
  readonly limit?: ResourceLimit;
  /** Network or file access the sandbox denied the program, as its output shows (`classifyDeniedAccess`); absent when none. */
  readonly denied?: readonly DeniedAccess[];
}

/**
 * Runs `candidate` against `problem`'s visible tests (`dataset.visibleTests`): the problem
 * whose tests check only the examples is handed to `judge` with the candidate, which builds
 * the program with the dataset's own `buildProgram` and judges it as the run does (sandbox,
 * limits, verdict rule; `judgeProgram`, or a run's cached execution path). Returns undefined
 * when the dataset or the problem has no visible tests. The hidden tests are never part of the
 * program or of the answer. `denied` reports the network or file access the sandbox refused the
 * program, read from its output tails (`classifyDeniedAccess`).
 */
export async function checkVisibleTests(options: {
  readonly dataset: Dataset;
  readonly problem: Problem;
  readonly candidate: Candidate;
  readonly judge: (visibleProblem: Problem, candidate: Candidate) => Promise<VisibleJudgement>;
}): Promise<VisibleCheck | undefined> {
  const visible = options.dataset.visibleTests?.(options.problem);
  if (visible === undefined) return undefined;
  const judgement = await options.judge(visible.problem, options.candidate);
  // The detail names the example where the judge relays the output; else the output does.
  const failure = judgement.passed
    ? undefined
    : (failedVisibleExample(judgement.detail) ??
      failedVisibleExampleInOutput(judgement.stderrTail) ??
      failedVisibleExampleInOutput(judgement.stdoutTail));
  const example = failure ? visible.examples[failure.example - 1] : undefined;
  const denied = classifyDeniedAccess([judgement.stdoutTail, judgement.stderrTail]);
  return {
    status: judgement.status,
    passed: judgement.passed,
    detail: judgement.detail,
    durationMs: judgement.durationMs,
    ...(failure && example
      ? {
          failedExample: {
            example: failure.example,
            input: example.input,
            ...(example.expected === undefined ? {} : { expected: example.expected }),
            message: failure.message,
          },
        }
      : {}),
    ...(judgement.stdoutTail === undefined ? {} : { stdoutTail: judgement.stdoutTail }),
    ...(judgement.stderrTail === undefined ? {} : { stderrTail: judgement.stderrTail }),
    ...(judgement.limit === undefined ? {} : { limit: judgement.limit }),
    ...(denied.length > 0 ? { denied } : {}),
  };
}
