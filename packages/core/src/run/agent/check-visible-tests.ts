import type { Dataset } from '../../spec/dataset.ts';
import type { Problem } from '../../spec/problem.ts';
import type { Candidate, Program } from '../../spec/program.ts';
import type { VerdictStatus } from '../../spec/verdict.ts';
import type { ProgramJudgement } from '../judge-program.ts';
import { failedVisibleExample } from './failed-visible-example.ts';

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
}

/**
 * Runs `candidate` against `problem`'s visible tests (`dataset.visibleTests`): the program is
 * built by the dataset's own `buildProgram` from the problem whose tests check only the
 * examples, and judged by `judge` (the run's judging: sandbox, limits, verdict rule). Returns
 * undefined when the dataset or the problem has no visible tests. The hidden tests are never
 * part of the program or of the answer.
 */
export async function checkVisibleTests(options: {
  readonly dataset: Dataset;
  readonly problem: Problem;
  readonly candidate: Candidate;
  readonly judge: (program: Program) => Promise<ProgramJudgement>;
}): Promise<VisibleCheck | undefined> {
  const visible = options.dataset.visibleTests?.(options.problem);
  if (visible === undefined) return undefined;
  const program = options.dataset.buildProgram(visible.problem, options.candidate);
  const { verdict, result } = await options.judge(program);
  const durationMs = Math.round(
    (result?.steps ?? []).reduce((total, step) => total + step.durationMs, 0),
  );
  const failure = verdict.passed ? undefined : failedVisibleExample(verdict.detail);
  const example = failure ? visible.examples[failure.example - 1] : undefined;
  const last = result?.steps.at(-1);
  return {
    status: verdict.status,
    passed: verdict.passed,
    detail: verdict.detail,
    durationMs,
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
    ...(last ? { stdoutTail: last.stdoutTail, stderrTail: last.stderrTail } : {}),
  };
}
