import { UsageError } from '@passk/core';
import { EVALUATE_HELP } from '../help/evaluate-help.ts';
import { usageLine } from '../help/render-help.ts';
import type { Command } from '../io.ts';
import { parseOptions } from '../parse-options.ts';
import { evaluate } from '../sdk/evaluate.ts';
import { COMMON_RUN_OPTIONS, commandContext, parseCommonRunValues } from './common-options.ts';
import { finishRun } from './finish-run.ts';

const EVALUATE_USAGE = usageLine('evaluate', EVALUATE_HELP);

/**
 * `passk evaluate`: score an existing samples file (human-eval `completion`, EvalPlus
 * `solution`, HumanEval-X `generation`; the SDK's `evaluate`).
 */
export const evaluateCommand: Command = async (argv, registry, io) => {
  const { values, positionals } = parseOptions(argv, COMMON_RUN_OPTIONS, EVALUATE_USAGE);
  if (positionals.length !== 1) {
    throw new UsageError({
      message: `expected exactly one samples file, got ${positionals.length}\nusage: ${EVALUATE_USAGE}`,
    });
  }
  const { json, ...common } = parseCommonRunValues(values);
  const handle = evaluate({
    ...common,
    samples: positionals[0] as string,
    registry,
    ...commandContext(io),
  });
  return finishRun(handle, json, io);
};
