/** The URI of the dataset listing resource. */
export const DATASETS_URI = 'passk://datasets';

/** The URI of a problem's resource; ids are percent-encoded (they contain `/`). */
export function problemUri(datasetId: string, taskId: string): string {
  return `passk://datasets/${encodeURIComponent(datasetId)}/problems/${encodeURIComponent(taskId)}`;
}

/** The URI of a run's resource: `summary` (summary.json) or `report` (markdown). */
export function runUri(runId: string, part: 'summary' | 'report' = 'summary'): string {
  return `passk://runs/${encodeURIComponent(runId)}/${part}`;
}
