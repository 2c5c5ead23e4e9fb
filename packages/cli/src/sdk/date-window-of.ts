import type { ProblemSelection, RunScope } from '@passk/core';

/** The scope's `dateWindow` (recorded in the manifest) for a selection with `--since`/`--until`. */
export function dateWindow(
  selection: Pick<ProblemSelection, 'since' | 'until'>,
): Pick<RunScope, 'dateWindow'> {
  if (selection.since === undefined && selection.until === undefined) return {};
  return {
    dateWindow: {
      ...(selection.since === undefined ? {} : { since: selection.since }),
      ...(selection.until === undefined ? {} : { until: selection.until }),
    },
  };
}
