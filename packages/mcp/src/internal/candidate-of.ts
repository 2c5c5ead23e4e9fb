import type { Candidate, Problem } from '@passk/core';

/** How `check_solution` reads `code`: explicitly, or guessed from the code. */
export type CodeKind = 'completion' | 'solution' | 'auto';

/**
 * The candidate `check_solution` scores, as `passk evaluate` reads a samples line: a
 * `completion` continues the prompt, a `solution` is a whole program. `auto` reads code that
 * defines the entry point (`def name(`, `function name(`, `fn name(`, `func name(`, …) as a
 * solution and anything else as a completion.
 */
export function candidateOf(problem: Problem, code: string, kind: CodeKind): Candidate {
  if (kind !== 'auto') return { code, kind };
  const name = problem.entryPoint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const defines = new RegExp(
    `(^|\\n)\\s*((async\\s+)?def|function|fn|func|sub|proc)\\s+${name}\\s*[(<]`,
  ).test(code);
  return { code, kind: defines ? 'solution' : 'completion' };
}
