import { EVALUATE_HELP } from '../help/evaluate-help.ts';
import type { Command } from '../io.ts';
import { parseOptions, usageError } from '../parse-options.ts';
import { evaluate } from '../sdk/evaluate.ts';
import { COMMON_RUN_OPTIONS, commandContext, parseCommonRunValues } from './common-options.ts';
import { finishRun } from './finish-run.ts';

/**
 * `passk evaluate`: score an existing samples file (human-eval `completion`, EvalPlus
 * `solution`, HumanEval-X `generation`; the SDK's `evaluate`).
 */
export const evaluateCommand: Command = async (argv, registry, io) => {
  const { values, positionals } = parseOptions(argv, COMMON_RUN_OPTIONS, EVALUATE_HELP);
  if (positionals.length !== 1) {
    throw usageError(EVALUATE_HELP, `expected exactly one samples file, got ${positionals.length}`);
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
