import {
  COMPARISON_FORMATS,
  type ComparisonFormat,
  renderComparison,
  UsageError,
} from '@passk/core';
import { COMPARE_HELP } from '../help/compare-help.ts';
import type { Command } from '../io.ts';
import { parseOptions, parsePositiveInteger, usageError } from '../parse-options.ts';
import { renderHtmlComparison } from '../report/render-html-comparison.ts';
import { compare } from '../sdk/compare.ts';
import { parseFormat, writeOutput } from './report-output.ts';

const FORMATS = [...COMPARISON_FORMATS, 'html'] as const;

/** `passk compare`: paired comparison of two runs on the problems both scored. */
export const compareCommand: Command = async (argv, _registry, io) => {
  const { values, positionals } = parseOptions(
    argv,
    {
      json: { type: 'boolean' },
      format: { type: 'string' },
      output: { type: 'string' },
      seed: { type: 'string' },
      resamples: { type: 'string' },
      permutations: { type: 'string' },
    },
    COMPARE_HELP,
  );
  if (positionals.length !== 2) {
    throw usageError(COMPARE_HELP, `expected two run directories`);
  }
  const format = parseFormat(values.format, FORMATS, ' (or --json)');
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) {
    throw new UsageError({ message: `--seed expects an integer, got '${values.seed}'` });
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const resamples = parsePositiveInteger(values.resamples, '--resamples');
  const permutations = parsePositiveInteger(values.permutations, '--permutations');
  const comparison = await compare(positionals[0] as string, positionals[1] as string, {
    cwd: io.cwd,
    ...(seed === undefined ? {} : { seed }),
    ...(resamples === undefined ? {} : { resamples }),
    ...(permutations === undefined ? {} : { permutations }),
  });
  const text = values.json
    ? `${JSON.stringify(comparison, null, 2)}\n`
    : format === 'html'
      ? await renderHtmlComparison(comparison)
      : renderComparison(comparison, format as ComparisonFormat);
  await writeOutput(io, values.output, text);
  return 0;
};
