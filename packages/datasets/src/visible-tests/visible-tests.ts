import type { Dataset, Problem, VisibleTestSet } from '@passk/core';

export { failedVisibleExample, type VisibleExample, type VisibleTestSet } from '@passk/core';

/**
 * What a dataset offers agents besides its hidden tests: the examples its prompts show,
 * as tests (core's optional `Dataset.visibleTests`).
 */
export interface VisibleTests {
  /** The visible examples of `problem` as tests, or undefined when its prompt shows none that run. */
  visibleTests(problem: Problem): VisibleTestSet | undefined;
}

/** The dataset's visible tests, or undefined when it declares none. */
export function visibleTestsOf(dataset: Dataset): VisibleTests | undefined {
  return typeof dataset.visibleTests === 'function' ? (dataset as VisibleTests) : undefined;
}
