import { UsageError } from '@passk/core';
import { RUN_HELP } from '../help/run-help.ts';
import type { Command } from '../io.ts';
import { parseList, parseNumber, parseOptions, parsePositiveInteger } from '../parse-options.ts';
import { plan, run } from '../sdk/run.ts';
import { COMMON_RUN_OPTIONS, commandContext, parseCommonRunValues } from './common-options.ts';
import { finishRun } from './finish-run.ts';
import { MODEL_FLAGS, parseModelFlags } from './model-flags.ts';
import { printPlan } from './print-plan.ts';

/** `passk run`: generate samples with a model and score them (the SDK's `run`). */
export const runCommand: Command = async (argv, registry, io) => {
  const { values } = parseOptions(
    argv,
    {
      ...COMMON_RUN_OPTIONS,
      model: { type: 'string' },
      n: { type: 'string', short: 'n' },
      temperature: { type: 'string' },
      'top-p': { type: 'string' },
      'max-tokens': { type: 'string' },
      limit: { type: 'string' },
      tasks: { type: 'string' },
      concurrency: { type: 'string' },
      agent: { type: 'boolean' },
      'max-turns': { type: 'string' },
      'max-tool-calls': { type: 'string' },
      'attempt-timeout': { type: 'string' },
      ...MODEL_FLAGS,
    },
    RUN_HELP,
  );
  const { json, ...common } = parseCommonRunValues(values);
  if (typeof values.model !== 'string') {
    throw new UsageError({
      message: '--model is required, e.g. --model reference or --model replay:samples.jsonl',
    });
  }
  const numbers = {
    n: parsePositiveInteger(values.n, '-n'),
    temperature: parseNumber(values.temperature, '--temperature', 0, 2),
    topP: parseNumber(values['top-p'], '--top-p', 0, 1),
    maxTokens: parsePositiveInteger(values['max-tokens'], '--max-tokens'),
    limit: parsePositiveInteger(values.limit, '--limit'),
    concurrency: parsePositiveInteger(values.concurrency, '--concurrency'),
    maxTurns: parsePositiveInteger(values['max-turns'], '--max-turns'),
    maxToolCalls: parsePositiveInteger(values['max-tool-calls'], '--max-tool-calls'),
    attemptTimeoutSeconds: parseNumber(
      values['attempt-timeout'],
      '--attempt-timeout',
      0.001,
      86_400,
    ),
  };
  const model = parseModelFlags(values);
  const options = {
    ...common,
    ...model,
    ...Object.fromEntries(Object.entries(numbers).filter(([, value]) => value !== undefined)),
    model: values.model,
    ...(values.agent ? { agent: true } : {}),
    ...(values.tasks === undefined ? {} : { tasks: parseList(values.tasks) }),
    registry,
    ...commandContext(io),
  };
  if (values['dry-run']) return printPlan(await plan(options), json, io);
  return finishRun(run(options), json, io, model.maxCostUsd);
};
