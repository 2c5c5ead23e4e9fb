import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UsageError } from '@passk/core';
import * as z from 'zod';
import { RUN_VIEW, viewOfRun, viewOfRunOnDisk } from '../internal/run-view.ts';
import type { RunsContext } from '../internal/runs-context.ts';
import { listRunsOnDisk, readRunOnDisk } from '../internal/runs-on-disk.ts';
import { toolResult } from '../internal/tool-result.ts';

/** How long `cancel_run` waits for the run to stop, in milliseconds (it answers within 1 s). */
const CANCEL_WAIT_MS = 800;

const RUN_ID = z.string().describe('the run_id start_run returned');

async function viewOf(runs: RunsContext, runId: string) {
  const run = runs.table.get(runId);
  if (run) return viewOfRun(run);
  const onDisk = await readRunOnDisk(runs.runsDirectory, runId);
  if (onDisk) return viewOfRunOnDisk(onDisk);
  throw new UsageError({ message: `no run '${runId}' (list_runs shows the runs)` });
}

function describe(view: z.infer<typeof RUN_VIEW>): string {
  const { done, total, pass_at_1 } = view.progress;
  return `${view.run_id}: ${view.status}, ${done}/${total} samples${pass_at_1 === null ? '' : `, pass@1 ${pass_at_1.toFixed(3)}`}${view.error ? ` (${view.error})` : ''}`;
}

/** Registers `get_run`, `list_runs` and `cancel_run`. */
export function registerRunQueries(server: McpServer, runs: RunsContext): void {
  server.registerTool(
    'get_run',
    {
      title: 'Get a run',
      description:
        "A run's status (queued, running, done, cancelled, failed), progress, and once done its summary.json (pass@k with confidence intervals).",
      inputSchema: { run_id: RUN_ID },
      outputSchema: RUN_VIEW.shape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ run_id }) => {
      const view = await viewOf(runs, run_id);
      return toolResult(describe(view), view);
    },
  );
  server.registerTool(
    'list_runs',
    {
      title: 'List runs',
      description:
        'The runs of this server and those found in its runs directory, with status and progress (summaries: get_run).',
      inputSchema: {},
      outputSchema: { runs: z.array(RUN_VIEW.omit({ summary: true })) },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async () => {
      const views = new Map(
        (await listRunsOnDisk(runs.runsDirectory)).map((run) => [run.runId, viewOfRunOnDisk(run)]),
      );
      for (const run of runs.table.list()) views.set(run.runId, viewOfRun(run));
      const list = [...views.values()].map(({ summary: _summary, ...view }) => view);
      return toolResult(
        list.length === 0 ? 'no runs' : list.map((view) => describe(view)).join('\n'),
        { runs: list },
      );
    },
  );
  server.registerTool(
    'cancel_run',
    {
      title: 'Cancel a run',
      description:
        'Stops a queued or running run within a second. What finished stays recorded: start_run with the same arguments resumes it.',
      inputSchema: { run_id: RUN_ID },
      outputSchema: RUN_VIEW.shape,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ run_id }) => {
      const run = await runs.table.cancel(run_id, CANCEL_WAIT_MS);
      const view = run ? viewOfRun(run) : await viewOf(runs, run_id);
      return toolResult(describe(view), view);
    },
  );
}
