import * as z from 'zod';
import type { McpRun } from './run-table.ts';
import type { RunOnDisk } from './runs-on-disk.ts';
import { runUri } from './uris.ts';

/** What `get_run` and `list_runs` say about a run. */
export const RUN_VIEW = z.object({
  run_id: z.string(),
  uri: z.string().describe("the run's summary resource"),
  status: z.enum(['queued', 'running', 'done', 'cancelled', 'failed']),
  progress: z
    .object({
      done: z.number().int().describe('samples with a result'),
      total: z.number().int().describe('samples of the run (0 until it started)'),
      passed: z.number().int().describe('of done, the samples that passed'),
      pass_at_1: z.number().nullable().describe('passed / done so far; null before any result'),
    })
    .describe('where the run stands'),
  directory: z.string().describe('the run directory'),
  error: z.string().optional().describe('why a failed run stopped'),
  summary: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the run's summary.json (pass@k with confidence intervals), once done"),
});

/** The view of a run of this server's table. */
export function viewOfRun(run: McpRun): z.infer<typeof RUN_VIEW> {
  const { done, total, passed } = run.progress;
  return {
    run_id: run.runId,
    uri: runUri(run.runId),
    status: run.status,
    progress: { done, total, passed, pass_at_1: done === 0 ? null : passed / done },
    directory: run.request.out,
    ...(run.error === undefined ? {} : { error: run.error }),
    ...(run.status === 'done' && run.summary
      ? { summary: run.summary as unknown as Record<string, unknown> }
      : {}),
  };
}

/**
 * The view of a run found on disk only (started by an earlier server or `passk run`): done
 * with its summary, or cancelled (incomplete, resumable with the same start_run arguments).
 */
export function viewOfRunOnDisk(run: RunOnDisk): z.infer<typeof RUN_VIEW> {
  const samples = run.summary?.samples ?? 0;
  const passed = run.summary ? Math.round(run.summary.statuses.passed ?? 0) : 0;
  return {
    run_id: run.runId,
    uri: runUri(run.runId),
    status: run.summary ? 'done' : 'cancelled',
    progress: {
      done: samples,
      total: samples,
      passed,
      pass_at_1: samples === 0 ? null : passed / samples,
    },
    directory: run.directory,
    ...(run.summary ? { summary: run.summary as unknown as Record<string, unknown> } : {}),
  };
}
