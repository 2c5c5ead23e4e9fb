import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { compareRuns, readRun, UsageError } from '@passk/core';
import * as z from 'zod';
import type { RunsContext } from '../internal/runs-context.ts';
import { readRunOnDisk } from '../internal/runs-on-disk.ts';
import { toolResult } from '../internal/tool-result.ts';

const RUN_ID = z.string().describe('a run_id that start_run returned or list_runs shows');

const DIFFERENCE = z.object({
  estimate_a: z.number(),
  estimate_b: z.number(),
  difference: z.number().describe('pass@k of a minus pass@k of b (fractions)'),
  ci_low: z.number(),
  ci_high: z.number(),
  p_value: z.number(),
  p_adjusted: z.number().describe('Holm-adjusted across the ks'),
  test: z.enum(['mcnemar-exact', 'sign-flip']),
  minimum_detectable_difference: z.number().nullable(),
});

const RUN = z.object({
  directory: z.string(),
  dataset: z.string(),
  model: z.string(),
  n: z.number(),
});
const COUNTS = z.object({ n: z.number(), c: z.number() });

/** `passk compare --json`'s fields, as the tool's output schema. */
const COMPARISON = {
  format_version: z.number(),
  a: RUN,
  b: RUN,
  shared_problems: z.number(),
  not_shared: z.object({ only_a: z.number(), only_b: z.number() }),
  k: z.record(z.string(), DIFFERENCE).describe('one entry per k both runs report ("1", "10")'),
  excluded_k: z.array(z.object({ k: z.number(), reason: z.string() })),
  flipped: z.array(
    z.object({
      task_id: z.string(),
      pass_rate_a: z.number(),
      pass_rate_b: z.number(),
      a: COUNTS,
      b: COUNTS,
      better: z.enum(['a', 'b']),
    }),
  ),
  method: z.looseObject({ seed: z.number(), resamples: z.number(), permutations: z.number() }),
};

/** The directory of a finished run of this server or its runs directory. */
async function finishedRun(runs: RunsContext, runId: string): Promise<string> {
  const live = runs.table.get(runId);
  if (live && (live.status === 'queued' || live.status === 'running')) {
    throw new UsageError({
      message: `run '${runId}' is ${live.status}: compare it once get_run says done`,
    });
  }
  const onDisk = await readRunOnDisk(runs.runsDirectory, runId);
  if (!onDisk) throw new UsageError({ message: `no run '${runId}' (list_runs shows the runs)` });
  return onDisk.directory;
}

/** Registers `compare_runs`: `passk compare` on two runs of this server. */
export function registerCompareRuns(server: McpServer, runs: RunsContext): void {
  server.registerTool(
    'compare_runs',
    {
      title: 'Compare two runs',
      description:
        'Paired comparison of two runs on the problems both scored (same dataset): for each k, the difference a − b of pass@k with a 95% interval, a p-value (exact McNemar with one sample per problem, else a sign-flip test; Holm-adjusted), the smallest difference this design detects, and the problems that flipped. Deterministic for a seed.',
      inputSchema: {
        run_a: RUN_ID,
        run_b: RUN_ID,
        seed: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('bootstrap and permutation seed (default 0)'),
      },
      outputSchema: COMPARISON,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ run_a, run_b, seed }) => {
      const [a, b] = await Promise.all([
        finishedRun(runs, run_a).then(readRun),
        finishedRun(runs, run_b).then(readRun),
      ]);
      const comparison = compareRuns(a, b, seed === undefined ? {} : { seed });
      const lines = Object.entries(comparison.k).map(
        ([k, entry]) =>
          `pass@${k}: ${(entry.difference * 100).toFixed(1)} points [${(entry.ci_low * 100).toFixed(1)}, ${(entry.ci_high * 100).toFixed(1)}], p (Holm) = ${entry.p_adjusted.toPrecision(3)}`,
      );
      return toolResult(
        `${run_a} − ${run_b} on ${comparison.shared_problems} shared problems; ${lines.join('; ')}; ${comparison.flipped.length} flipped`,
        comparison as unknown as Record<string, unknown>,
      );
    },
  );
}
