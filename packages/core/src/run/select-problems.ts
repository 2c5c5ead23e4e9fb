import { UsageError } from '../errors/usage-error.ts';
import type { Problem } from '../spec/problem.ts';
import { selectDateWindow } from './date-window.ts';

/** Task selection flags. */
export interface ProblemSelection {
  readonly tasks?: readonly string[];
  readonly limit?: number;
  readonly languages?: readonly string[];
  /** Keep only these task ids (e.g. the tasks present in a replayed file). */
  readonly within?: ReadonlySet<string>;
  /** Keep only problems dated on or after this day (`--since`, `YYYY-MM-DD`). */
  readonly since?: string;
  /** Keep only problems dated on or before this day (`--until`, `YYYY-MM-DD`). */
  readonly until?: string;
}

/**
 * Applies `--languages`, `--since`/`--until` (`selectDateWindow`), `--tasks` and `--limit` in
 * that order, keeping benchmark order; `limit` keeps the first N problems of each language. Throws `UsageError` for a task id or language the
 * dataset does not have, or a bad date window (naming the flag).
 */
export function selectProblems(
  problems: readonly Problem[],
  selection: ProblemSelection,
): Problem[] {
  let selected = [...problems];
  if (selection.within) selected = selected.filter((problem) => selection.within?.has(problem.id));
  if (selection.languages) {
    const known = new Set(problems.map((problem) => problem.language));
    const unknown = selection.languages.filter((language) => !known.has(language));
    if (unknown.length > 0) {
      throw new UsageError({
        message: `--languages: the dataset has no problems in ${unknown.join(', ')}; it has ${[...known].join(', ')}`,
      });
    }
    selected = selected.filter((problem) => selection.languages?.includes(problem.language));
  }
  if (selection.since !== undefined || selection.until !== undefined) {
    selected = selectDateWindow(selected, {
      ...(selection.since === undefined ? {} : { since: selection.since }),
      ...(selection.until === undefined ? {} : { until: selection.until }),
    });
  }
  if (selection.tasks) {
    const byId = new Map(problems.map((problem) => [problem.id, problem]));
    const unknown = selection.tasks.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      const examples = problems
        .slice(0, 3)
        .map((problem) => problem.id)
        .join(', ');
      throw new UsageError({
        message: `--tasks: unknown task id ${unknown.map((id) => `'${id}'`).join(', ')}; ids look like ${examples}`,
      });
    }
    const wanted = new Set(selection.tasks);
    selected = selected.filter((problem) => wanted.has(problem.id));
  }
  if (selection.limit !== undefined) {
    // In a run of several languages, the first N problems of each language.
    const limit = selection.limit;
    const taken = new Map<string, number>();
    selected = selected.filter((problem) => {
      const count = taken.get(problem.language) ?? 0;
      taken.set(problem.language, count + 1);
      return count < limit;
    });
  }
  return selected;
}
