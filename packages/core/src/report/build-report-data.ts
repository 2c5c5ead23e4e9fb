import { UsageError } from '../errors/usage-error.ts';
import { REPORT_FORMAT_VERSION, type ReportData } from '../spec/report.ts';
import type { SampleRecord } from '../spec/run.ts';
import type { RunOnDisk } from '../store/read-run.ts';
import { buildLeaderboard } from './build-leaderboard.ts';
import {
  buildRunReport,
  DEFAULT_MAX_CODE_CHARS,
  DEFAULT_MAX_TAIL_CHARS,
  type SampleTextLimits,
} from './build-run-report.ts';
import type { CompareRunsOptions } from './compare-runs.ts';

/** Inputs of `buildReportData`. */
export interface BuildReportDataInput {
  /** The runs, each with its sample records; one run or more. */
  readonly runs: readonly {
    readonly run: RunOnDisk;
    readonly samples: ReadonlyMap<string, SampleRecord>;
  }[];
  /** The passk version writing the report. */
  readonly passkVersion: string;
  readonly limits?: SampleTextLimits;
  /** Settings of the leaderboard's comparisons. */
  readonly compare?: CompareRunsOptions;
}

/**
 * Everything a report shows: each run (`buildRunReport`) and, for two runs or more, the
 * leaderboard (`buildLeaderboard`).
 *
 * @throws UsageError when there is no run, or several runs are on different datasets.
 */
export function buildReportData(input: BuildReportDataInput): ReportData {
  if (input.runs.length === 0) {
    throw new UsageError({ message: 'a report needs at least one run' });
  }
  const runs = input.runs.map(({ run, samples }) => buildRunReport(run, samples, input.limits));
  return {
    format_version: REPORT_FORMAT_VERSION,
    passk_version: input.passkVersion,
    runs,
    ...(input.runs.length > 1
      ? {
          leaderboard: buildLeaderboard(
            input.runs.map(({ run }) => run),
            input.compare,
          ),
        }
      : {}),
    limits: {
      max_code_chars: input.limits?.maxCodeChars ?? DEFAULT_MAX_CODE_CHARS,
      max_tail_chars: input.limits?.maxTailChars ?? DEFAULT_MAX_TAIL_CHARS,
    },
  };
}
