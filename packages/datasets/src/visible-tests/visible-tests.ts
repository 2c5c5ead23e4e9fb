import type { Dataset, Problem } from '@passk/core';

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

/**
 * What a dataset offers agents besides its hidden tests: the examples its prompts show,
 * as tests. Optional on a dataset (the MCP server's `check_solution` and the agent loop use
 * it); a dataset without it has no visible tests.
 */
export interface VisibleTests {
  /** The visible examples of `problem` as tests, or undefined when its prompt shows none that run. */
  visibleTests(problem: Problem): VisibleTestSet | undefined;
}

/** The dataset's visible tests, or undefined when it declares none. */
export function visibleTestsOf(dataset: Dataset): VisibleTests | undefined {
  const candidate = dataset as Partial<VisibleTests>;
  return typeof candidate.visibleTests === 'function'
    ? (dataset as unknown as VisibleTests)
    : undefined;
}

/**
 * The number (from 1) of the visible example a failing verdict's detail names, with what went
 * wrong (`add(2, 3) returned 6, expected 5`); undefined when the detail names none (the
 * program raised before or outside a check, or did not compile).
 */
export function failedVisibleExample(
  detail: string,
): { readonly example: number; readonly message: string } | undefined {
  const match = /example (\d+): (.*)$/s.exec(detail);
  return match ? { example: Number(match[1]), message: (match[2] as string).trim() } : undefined;
}
