import { UsageError } from '../errors/usage-error.ts';
import type { Problem } from '../spec/problem.ts';

/** A window of problem dates, both ends inclusive, as `YYYY-MM-DD`. */
export interface DateWindow {
  /** Keep problems dated on or after this day. */
  readonly since?: string;
  /** Keep problems dated on or before this day. */
  readonly until?: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks a `--since` / `--until` value: a calendar day `YYYY-MM-DD` that exists.
 *
 * @returns The day, unchanged.
 * @throws UsageError naming `flag` for anything else.
 */
export function checkDay(value: string, flag: string): string {
  const match = ISO_DAY.exec(value);
  const day = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError({
      message: `${flag} expects a date YYYY-MM-DD (e.g. 2024-05-01), got '${value}'`,
    });
  }
  return value;
}

/**
 * The day a problem was published (`metadata.date`'s `YYYY-MM-DD` prefix), or undefined when
 * it has no such date.
 */
export function problemDay(problem: Pick<Problem, 'metadata'>): string | undefined {
  const date = problem.metadata.date;
  if (typeof date !== 'string') return undefined;
  const day = date.slice(0, 10);
  return ISO_DAY.test(day) ? day : undefined;
}

/**
 * Keeps the problems dated inside `window` (inclusive), as LiveCodeBench's release windows
 * are used against contamination: problems without a date are left out when a window is given.
 *
 * @throws UsageError (naming the flag) for a malformed day, `since` after `until`, or a
 *   dataset none of whose problems has a date.
 */
export function selectDateWindow(problems: readonly Problem[], window: DateWindow): Problem[] {
  if (window.since !== undefined) checkDay(window.since, '--since');
  if (window.until !== undefined) checkDay(window.until, '--until');
  if (window.since === undefined && window.until === undefined) return [...problems];
  if (window.since !== undefined && window.until !== undefined && window.since > window.until) {
    throw new UsageError({
      message: `--since ${window.since} is after --until ${window.until}; the window is empty`,
    });
  }
  if (!problems.some((problem) => problemDay(problem) !== undefined)) {
    const flag = window.since !== undefined ? '--since' : '--until';
    throw new UsageError({
      message: `${flag}: the dataset's problems carry no dates (a JSONL dataset may give each a 'date': "YYYY-MM-DD")`,
    });
  }
  return problems.filter((problem) => {
    const day = problemDay(problem);
    if (day === undefined) return false;
    return (
      (window.since === undefined || day >= window.since) &&
      (window.until === undefined || day <= window.until)
    );
  });
}
