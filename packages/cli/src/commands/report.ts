import {
  REPORT_TABLES,
  type ReportTableId,
  renderReport,
  SUMMARY_FORMATS,
  type SummaryFormat,
  UsageError,
} from '@passk/core';
import { REPORT_HELP } from '../help/other-help.ts';
import { type Command, log } from '../io.ts';
import { parseOptions, usageError } from '../parse-options.ts';
import { renderHtmlReport } from '../report/render-html-report.ts';
import { report } from '../sdk/report.ts';
import { parseFormat, writeOutput } from './report-output.ts';

const FORMATS = [...SUMMARY_FORMATS, 'html'] as const;

/**
 * `passk report`: one run's summary and tables (recomputed from its results if the run was
 * interrupted), or several runs as a leaderboard; `--format html` writes a self-contained page.
 */
export const reportCommand: Command = async (argv, _registry, io) => {
  const { values, positionals } = parseOptions(
    argv,
    {
      format: { type: 'string' },
      output: { type: 'string' },
      table: { type: 'string' },
    },
    REPORT_HELP,
  );
  if (positionals.length === 0) throw usageError(REPORT_HELP, `expected a run directory`);
  const format = parseFormat(values.format, FORMATS);
  const table = values.table as ReportTableId | undefined;
  if (table !== undefined && !REPORT_TABLES.includes(table)) {
    throw new UsageError({
      message: `--table: unknown table '${table}'; known tables: ${REPORT_TABLES.join(', ')}`,
    });
  }
  if (table !== undefined && format !== 'csv') {
    throw new UsageError({ message: '--table applies to --format csv only' });
  }
  const data = await report(positionals, { cwd: io.cwd });
  for (const run of data.runs) {
    if (run.summary_recomputed) {
      log(
        io,
        `note: ${run.directory} has no summary.json (interrupted run); computing from its results`,
      );
    }
  }
  const text =
    format === 'html'
      ? await renderHtmlReport(data)
      : renderReport(data, format as SummaryFormat, table === undefined ? {} : { table });
  await writeOutput(io, values.output, text);
  return 0;
};
