import type { Problem } from '../../spec/problem.ts';
import type { Candidate } from '../../spec/program.ts';

/**
 * The execution keys a run has computed, by problem, candidate and rule (scoring or an agent's
 * feedback): a repeated answer is not built into a program and hashed again (a run of 100,000
 * samples at a low temperature repeats most of them), and its records share one key string.
 * Valid for one run: the key also covers the engine, toolchain and timeout factor, which a run
 * does not change.
 */
export interface KnownExecutionKeys {
  /** The key of `candidate`'s program for `problem`: known, or `compute()`d and kept. */
  obtain(problem: Problem, candidate: Candidate, feedback: boolean, compute: () => string): string;
}

export function createKnownExecutionKeys(): KnownExecutionKeys {
  const byProblem = new Map<Problem, Map<string, Map<string, string>>>();
  return {
    obtain(problem, candidate, feedback, compute) {
      const shape = `${feedback ? 'feedback' : 'score'} ${candidate.kind} ${candidate.source ?? ''}`;
      let byShape = byProblem.get(problem);
      if (byShape === undefined) {
        byShape = new Map();
        byProblem.set(problem, byShape);
      }
      let byCode = byShape.get(shape);
      if (byCode === undefined) {
        byCode = new Map();
        byShape.set(shape, byCode);
      }
      let key = byCode.get(candidate.code);
      if (key === undefined) {
        key = compute();
        byCode.set(candidate.code, key);
      }
      return key;
    },
  };
}
