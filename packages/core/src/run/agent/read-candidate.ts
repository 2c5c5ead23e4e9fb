import type { Problem } from '../../spec/problem.ts';
import type { Candidate } from '../../spec/program.ts';

/** How code handed in by a client or an agent is read. */
export type CodeKind = 'completion' | 'solution' | 'auto';

/**
 * The candidate that code for `problem` stands for, as `passk evaluate` reads a samples line:
 * a `completion` continues the prompt, a `solution` is a whole program. `auto` reads code that
 * defines the entry point (`def name(`, `function name(`, `fn name(`, `func name(`, …) as a
 * solution and anything else as a completion.
 */
export function readCandidate(problem: Problem, code: string, kind: CodeKind): Candidate {
  if (kind !== 'auto') return { code, kind };
  const name = problem.entryPoint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const defines = new RegExp(
    `(^|\\n)\\s*((async\\s+)?def|function|fn|func|sub|proc)\\s+${name}\\s*[(<]`,
  ).test(code);
  return { code, kind: defines ? 'solution' : 'completion' };
}
