import type { Problem } from './problem.ts';

/** One example the problem's text shows: a docstring `>>>` line, MBPP's first assert. */
export interface VisibleExample {
  /** The call (`add(2, 3)`) or, for an assert-style example, the whole assert statement. */
  readonly input: string;
  /** The expected value as written (`5`); absent for an assert statement. */
  readonly expected?: string;
}

/** The visible examples of a problem, runnable the way the benchmark runs its hidden tests. */
export interface VisibleTestSet {
  /** The examples, in the order they appear in the prompt (numbered from 1 in failures). */
  readonly examples: readonly VisibleExample[];
  /**
   * `problem` with its `tests` replaced by checks of the examples only: build programs from it
   * with the dataset's own `buildProgram`, so the benchmark's assembly and rules apply. A
   * failing check's message starts with `example <n>:` (see `failedVisibleExample`).
   */
  readonly problem: Problem;
}
