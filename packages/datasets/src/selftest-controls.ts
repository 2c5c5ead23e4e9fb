import type { Candidate, Dataset, Problem } from '@passk/core';

/** A candidate that must not pass, used by `passk selftest` to check the judging. */
export interface SelftestControl {
  /** What it is (`empty completion`, `wrong answer`). */
  readonly name: string;
  readonly candidate: Candidate;
}

/**
 * What a dataset offers `passk selftest` besides its reference solutions: must-fail controls
 * per problem (an empty completion; a wrong answer that compiles and runs). Optional: a dataset
 * without it is checked with an empty completion only.
 */
export interface SelftestControls {
  /** The controls for `problem`; every one of them must fail. */
  selftestControls(problem: Problem): readonly SelftestControl[];
}

/** The dataset's selftest controls, or undefined when it declares none. */
export function selftestControlsOf(dataset: Dataset): SelftestControls | undefined {
  const candidate = dataset as Partial<SelftestControls>;
  return typeof candidate.selftestControls === 'function'
    ? (dataset as unknown as SelftestControls)
    : undefined;
}
