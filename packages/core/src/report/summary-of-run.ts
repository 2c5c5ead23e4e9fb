import type { RunSummary } from '../spec/run.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { sampleKey } from '../store/run-files.ts';
import { summarizeRun } from './summarize-run.ts';

/**
 * A run's summary: its `summary.json`, or, for an interrupted run without one, the summary
 * computed from its results (2,000 resamples, 95%, the run's seed).
 *
 * @param run The run read from disk.
 * @returns The summary and whether it was computed here.
 */
export function summaryOfRun(run: RunOnDisk): { summary: RunSummary; recomputed: boolean } {
  if (run.summary) return { summary: run.summary, recomputed: false };
  const languageOf = new Map(run.results.map((result) => [result.task_id, result.language]));
  const summary = summarizeRun({
    dataset: run.manifest.dataset.id,
    model: run.manifest.provider.model,
    problems: run.manifest.task_ids.map((id, index) => ({
      id,
      language: run.manifest.task_languages?.[index] ?? languageOf.get(id) ?? 'unknown',
      metadata: run.manifest.task_metadata?.[index] ?? null,
    })),
    n: run.manifest.n,
    k: run.manifest.k,
    results: new Map(
      run.results.map((result) => [
        sampleKey(result.task_id, result.sample_index, result.language),
        result,
      ]),
    ),
    confidence: { resamples: 2000, level: 0.95, seed: run.manifest.seed },
  });
  return { summary, recomputed: true };
}
