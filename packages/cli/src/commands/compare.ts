import { resolve } from 'node:path';
import {
  COMPARISON_FORMATS,
  type ComparisonFormat,
  renderComparison,
  UsageError,
  writeFileAtomic,
} from '@passk/core';
import { COMPARE_HELP } from '../help/compare-help.ts';
import { type Command, log } from '../io.ts';
import { parseOptions, parsePositiveInteger, usageError } from '../parse-options.ts';
import { renderHtmlComparison } from '../report/render-html-comparison.ts';
import { compare } from '../sdk/compare.ts';

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
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError({
      message: `--format: unknown format '${values.format}'; known formats: ${FORMATS.join(', ')} (or --json)`,
    });
  }
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
  if (typeof values.output === 'string') {
    await writeFileAtomic(resolve(io.cwd, values.output), text);
    log(io, `wrote ${values.output} (${Buffer.byteLength(text)} bytes)`);
  } else {
    io.stdout.write(text);
  }
  return 0;
};
