import { resolve } from 'node:path';
import {
  buildReportData,
  type CompareRunsOptions,
  type ReportData,
  readRun,
  readRunSamples,
  type SampleTextLimits,
  UsageError,
} from '@passk/core';
import { PASSK_VERSION } from '../version.ts';

/** Settings of {@link report}; every field has a default. */
export interface ReportOptions extends SampleTextLimits {
  /** Directory the run paths are resolved from; default `process.cwd()`. */
  readonly cwd?: string;
  /** Settings of the leaderboard's pairwise comparisons (seed, resamples, permutations). */
  readonly compare?: CompareRunsOptions;
}

/**
 * Reads one run or several and gathers what `passk report` shows: per run its summary, the
 * pass@k curve with intervals, every problem with its samples (code, status, output tails);
 * for several runs, a leaderboard with pairwise paired comparisons. Render it with
 * `renderHtmlReport` (HTML) or core's `renderReport` (table, markdown, JSON, CSV).
 *
 * @param runDirectories One run directory or more.
 * @returns The report data.
 * @throws UsageError without a directory, or for several runs on different datasets;
 *   RunStoreError when a path is not a run directory; InvalidInputError for a corrupt file.
 */
export async function report(
  runDirectories: readonly string[],
  options: ReportOptions = {},
): Promise<ReportData> {
  if (runDirectories.length === 0) {
    throw new UsageError({ message: 'report needs at least one run directory' });
  }
  const cwd = options.cwd ?? process.cwd();
  const runs = await Promise.all(
    runDirectories.map(async (directory) => {
      const path = resolve(cwd, directory);
      const [run, samples] = await Promise.all([readRun(path), readRunSamples(path)]);
      return { run, samples };
    }),
  );
  return buildReportData({
    runs,
    passkVersion: PASSK_VERSION,
    limits: {
      ...(options.maxCodeChars === undefined ? {} : { maxCodeChars: options.maxCodeChars }),
      ...(options.maxTailChars === undefined ? {} : { maxTailChars: options.maxTailChars }),
    },
    ...(options.compare ? { compare: options.compare } : {}),
  });
}
