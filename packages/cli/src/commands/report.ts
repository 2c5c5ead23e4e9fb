import { resolve } from 'node:path';
import {
  readRun,
  renderSummary,
  SUMMARY_FORMATS,
  type SummaryFormat,
  summarizeRun,
  UsageError,
  writeFileAtomic,
} from '@passk/core';
import { REPORT_HELP } from '../help/other-help.ts';
import { type Command, log } from '../io.ts';
import { parseOptions, usageError } from '../parse-options.ts';

/** `passk report`: render a run's summary (recomputed from its results if the run was interrupted). */
export const reportCommand: Command = async (argv, _registry, io) => {
  const { values, positionals } = parseOptions(
    argv,
    {
      format: { type: 'string' },
      output: { type: 'string' },
    },
    REPORT_HELP,
  );
  if (positionals.length !== 1) throw usageError(REPORT_HELP, `expected one run directory`);
  const format = (values.format ?? 'table') as SummaryFormat;
  if (!SUMMARY_FORMATS.includes(format)) {
    throw new UsageError({
      message: `--format: unknown format '${values.format}'; known formats: ${SUMMARY_FORMATS.join(', ')}`,
    });
  }
  const run = await readRun(resolve(io.cwd, positionals[0] as string));
  let summary = run.summary;
  if (!summary) {
    log(
      io,
      `note: ${run.directory} has no summary.json (interrupted run); computing from ${run.results.length} results`,
    );
    const languageOf = new Map(run.results.map((result) => [result.task_id, result.language]));
    summary = summarizeRun({
      dataset: run.manifest.dataset.id,
      model: run.manifest.provider.model,
      problems: run.manifest.task_ids.map((id) => ({
        id,
        language: languageOf.get(id) ?? 'unknown',
      })),
      n: run.manifest.n,
      k: run.manifest.k,
      results: new Map(
        run.results.map((result) => [`${result.task_id}\u0000${result.sample_index}`, result]),
      ),
      confidence: { resamples: 2000, level: 0.95, seed: run.manifest.seed },
    });
  }
  const text = renderSummary(summary, format);
  if (typeof values.output === 'string') {
    await writeFileAtomic(resolve(io.cwd, values.output), text);
    log(io, `wrote ${values.output}`);
  } else {
    io.stdout.write(text);
  }
  return 0;
};
