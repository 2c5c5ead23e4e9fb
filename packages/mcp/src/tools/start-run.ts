import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { hashJson, slug, UsageError } from '@passk/core';
import * as z from 'zod';
import type { McpRun } from '../internal/run-table.ts';
import type { RunsContext } from '../internal/runs-context.ts';
import { toolResult } from '../internal/tool-result.ts';
import { runUri } from '../internal/uris.ts';

/** Shortest interval between two progress notifications of one run, in milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Registers `start_run`: starts `passk run` (with `model`) or `passk evaluate` (with
 * `samples`) in the server and returns at once with its `run_id` and resource `uri`. The run
 * id is derived from the arguments, so starting the same run again resumes it. A client that
 * sends a progress token receives `notifications/progress` (done/total, pass@1 so far).
 */
export function registerStartRun(
  server: McpServer,
  runs: RunsContext,
  cleanups: Set<() => void>,
): void {
  server.registerTool(
    'start_run',
    {
      title: 'Start a run',
      description:
        'Starts an evaluation in the server and returns at once with run_id and uri: with model, generates n samples per problem and scores them (passk run); with samples (a samples file path), scores those (passk evaluate). The same arguments again resume the run. Poll get_run; a progress token gets progress notifications.',
      inputSchema: {
        dataset: z.string().describe("dataset id, e.g. 'humaneval'"),
        model: z.string().optional().describe("provider id, e.g. 'openai:gpt-4.1-mini' or 'demo'"),
        samples: z.string().optional().describe('a samples file (JSON Lines) to score instead'),
        n: z.number().int().min(1).max(1000).optional().describe('samples per problem (default 1)'),
        k: z.array(z.number().int().min(1)).min(1).optional().describe('the k of pass@k'),
        limit: z.number().int().min(1).optional().describe('only the first N problems'),
        tasks: z.array(z.string()).min(1).optional().describe('only these task ids'),
        temperature: z.number().min(0).max(2).optional(),
        seed: z.number().int().optional(),
      },
      outputSchema: {
        run_id: z.string(),
        uri: z.string().describe("the run's summary resource"),
        status: z.enum(['queued', 'running', 'done', 'cancelled', 'failed']),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      },
    },
    async (args, extra) => {
      if ((args.model === undefined) === (args.samples === undefined))
        throw new UsageError({ message: 'give exactly one of model and samples' });
      if (args.limit !== undefined && args.tasks !== undefined)
        throw new UsageError({ message: 'give at most one of limit and tasks' });
      const identity = { ...args };
      const source = args.model ?? `samples-${args.samples?.split('/').at(-1)}`;
      const runId = `${slug(args.dataset)}-${slug(source)}-${hashJson(identity).slice(0, 8)}`;
      const run = runs.table.start(runId, {
        ...args,
        out: join(runs.runsDirectory, runId),
        workers: runs.workers,
        env: runs.env,
        cwd: runs.cwd,
      });
      const token = extra._meta?.progressToken;
      if (token !== undefined) followProgress(server, run, token, cleanups);
      return toolResult(`${run.status}: run ${runId} (get_run with run_id '${runId}')`, {
        run_id: runId,
        uri: runUri(runId),
        status: run.status,
      });
    },
  );
}

/** Sends `run`'s progress to the client as notifications on `token` until the run ends. */
function followProgress(
  server: McpServer,
  run: McpRun,
  token: string | number,
  cleanups: Set<() => void>,
): void {
  let last = 0;
  const listener = (current: McpRun) => {
    const ended = current.status !== 'queued' && current.status !== 'running';
    const now = Date.now();
    if (!ended && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    const { done, total, passed } = current.progress;
    server.server
      .notification({
        method: 'notifications/progress',
        params: {
          progressToken: token,
          progress: done,
          ...(total > 0 ? { total } : {}),
          message: `${current.status}: ${done}/${total} samples${done > 0 ? `, pass@1 so far ${(passed / done).toFixed(3)}` : ''}`,
        },
      })
      .catch(() => stop());
    if (ended) stop();
  };
  const stop = () => {
    run.listeners.delete(listener);
    cleanups.delete(stop);
  };
  run.listeners.add(listener);
  cleanups.add(stop);
}
