import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { renderSummary, UsageError } from '@passk/core';
import type { RunsContext } from '../internal/runs-context.ts';
import { listRunsOnDisk, readRunOnDisk } from '../internal/runs-on-disk.ts';
import { runUri } from '../internal/uris.ts';

/**
 * Registers each finished run's `passk://runs/{run_id}/summary` (summary.json) and
 * `passk://runs/{run_id}/report` (the markdown report), listed from the runs directory.
 */
export function registerRunResources(server: McpServer, runs: RunsContext): void {
  for (const part of ['summary', 'report'] as const) {
    server.registerResource(
      `run-${part}`,
      new ResourceTemplate(`passk://runs/{run_id}/${part}`, {
        list: async () => ({
          resources: (await listRunsOnDisk(runs.runsDirectory))
            .filter((run) => run.summary !== undefined)
            .map((run) => ({
              uri: runUri(run.runId, part),
              name: `${run.runId} ${part}`,
              mimeType: part === 'summary' ? 'application/json' : 'text/markdown',
            })),
        }),
      }),
      {
        title: part === 'summary' ? 'Run summary' : 'Run report',
        description:
          part === 'summary'
            ? "A finished run's summary.json: pass@k with confidence intervals, statuses"
            : "A finished run's report in markdown",
        mimeType: part === 'summary' ? 'application/json' : 'text/markdown',
      },
      async (uri, variables) => {
        const runId = decodeURIComponent(String(variables.run_id));
        const run = await readRunOnDisk(runs.runsDirectory, runId);
        if (!run?.summary)
          throw new UsageError({
            message: `run '${runId}' has no summary (not finished, or unknown)`,
          });
        return {
          contents: [
            part === 'summary'
              ? {
                  uri: uri.href,
                  mimeType: 'application/json',
                  text: JSON.stringify(run.summary, null, 2),
                }
              : {
                  uri: uri.href,
                  mimeType: 'text/markdown',
                  text: renderSummary(run.summary, 'markdown'),
                },
          ],
        };
      },
    );
  }
}
