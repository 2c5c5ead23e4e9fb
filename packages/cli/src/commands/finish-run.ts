import { type RunHandle, type RunOutcome, renderSummary } from '@passk/core';
import type { CommandIo } from '../io.ts';
import { createProgressReporter } from '../progress/progress-reporter.ts';

/**
 * Shows the progress of `handle` on stderr, then prints its summary (a table and the
 * directory, or `summary.json` with `json`) or why it stopped and how to resume. Returns the
 * exit code: 0 completed, 1 stopped or completed with no sample scored (every one met an
 * infrastructure fault: a missing toolchain, a sandbox that cannot start, provider errors).
 */
export async function finishRun(
  handle: RunHandle<RunOutcome>,
  json: boolean,
  io: CommandIo,
  maxCostUsd?: number,
): Promise<number> {
  const progress = createProgressReporter(io);
  handle.on('*', progress.onEvent);
  let outcome: RunOutcome;
  try {
    outcome = await handle;
  } finally {
    progress.stop();
  }
  const { summary, directory } = outcome;
  const say = (message: string) => io.stderr.write(`${message}\n`);
  switch (outcome.stopReason) {
    case 'credentials-rejected':
      say(
        `stopped: ${outcome.manifest.provider.id} rejected the credentials (${outcome.failure?.statusCode ?? 'authentication'}: ${outcome.failure?.message ?? ''}); no further request was sent. Fix the key and run the same command again to resume`,
      );
      return 1;
    case 'cost-limit':
      say(
        `cost limit reached: $${(summary.cost_usd ?? 0).toFixed(4)} spent, and the next request could pass --max-cost $${maxCostUsd}; ${outcome.results} results are saved in ${directory}; raise --max-cost and run the same command again to resume`,
      );
      return 1;
    case 'aborted':
      say(
        `interrupted: ${outcome.results} results are saved in ${directory}; run the same command again to resume`,
      );
      return 1;
    default:
      if (json) io.stdout.write(renderSummary(summary, 'json'));
      else io.stdout.write(`\n${renderSummary(summary, 'table')}run directory: ${directory}\n`);
      if (summary.samples > 0 && summary.samples_per_problem.max === 0) {
        const first = summary.infrastructure_faults?.[0];
        say(
          `failed: none of the ${summary.samples} samples could be scored${first ? ` (${first.status}: ${first.detail})` : ''} (passk doctor checks the toolchains and the sandbox); run the same command again to retry them`,
        );
        return 1;
      }
      return 0;
  }
}
