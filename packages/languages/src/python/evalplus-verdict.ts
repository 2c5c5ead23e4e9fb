import {
  type EvalPlusReport,
  type EvalPlusSubsetReport,
  parseEvalPlusReport,
  parseEvalPlusSubset,
} from './evalplus-report.ts';
import { lastVerdictLine, parseReferenceEnding, type ReferenceEnding } from './isolated-verdict.ts';

/** EvalPlus's judgement with the solution in a process of its own (`evalplus_judge.py`). */
export interface EvalPlusStrictReport {
  /** The base inputs, called in the solution's process and compared in the judge's. */
  readonly base: EvalPlusSubsetReport;
  /** The plus inputs; null when the base inputs did not all pass (not called). */
  readonly plus: EvalPlusSubsetReport | null;
}

/** The verdict line of `evalplus_runner.py exec judge`. */
export interface EvalPlusVerdict {
  readonly strict: EvalPlusStrictReport;
  /** EvalPlus's own judgement (`check`'s report), or how its process ended without one. */
  readonly reference: EvalPlusReport | ReferenceEnding;
}

/**
 * The judge's verdict line in `stdout` (the last `__passk_verdict__` line), or null when there
 * is none or it is malformed: the judge was killed before it could write it, or could not set up.
 */
export function parseEvalPlusVerdict(stdout: string): EvalPlusVerdict | null {
  const value = lastVerdictLine(stdout);
  if (value === null || typeof value.strict !== 'object' || value.strict === null) return null;
  const { base, plus } = value.strict as Record<string, unknown>;
  const strictBase = parseEvalPlusSubset(base);
  const strictPlus = plus === null ? null : parseEvalPlusSubset(plus);
  if (strictBase === null || (plus !== null && strictPlus === null)) return null;
  const reference = parseEvalPlusReport(value.reference) ?? parseReferenceEnding(value.reference);
  if (reference === null) return null;
  return { strict: { base: strictBase, plus: strictPlus }, reference };
}
