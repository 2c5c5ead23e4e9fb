import { basename } from 'node:path';
import { type Registry, UsageError } from '@passk/core';
import type { ReplayProvider } from '@passk/providers';
import type { CommandIo } from '../io.ts';
import { parseList, parseNumber, parseOptions, parsePositiveInteger } from '../parse-options.ts';
import { COMMON_RUN_OPTIONS, parseCommonRunValues, slug } from './common-options.ts';
import { executeRun } from './execute-run.ts';
import { DEFAULT_MAX_TOKENS, MODEL_OPTIONS, setUpModel } from './model-options.ts';
import { selectProblems } from './select-problems.ts';

export const RUN_USAGE =
  'passk run --dataset <id> --model <provider:model> [-n N] [-k 1,10,100] [--temperature T] [--top-p P] [--max-tokens N] [--languages a,b] [--limit N | --tasks id,id] [--out DIR] [--concurrency N] [--workers N] [--timeout-factor F] [--seed S] [--no-cache] [--sandbox bwrap|none] [--verdicts strict|reference] [--json] [--base-url URL] [--api responses|chat] [--stream] [--prompt-mode chat|completion] [--prompt-template FILE] [--system-prompt TEXT] [--no-prefill] [--reasoning-effort LEVEL] [--max-cost USD] [--price IN,OUT[,CACHED] | --prices FILE] [--request-timeout S] [--retries N] [--dry-run]';

/** `passk run`: generate samples with a model and score them. */
export async function runCommand(
  argv: readonly string[],
  registry: Registry,
  io: CommandIo,
): Promise<number> {
  const { values } = parseOptions(
    argv,
    {
      ...COMMON_RUN_OPTIONS,
      model: { type: 'string' },
      n: { type: 'string', short: 'n' },
      temperature: { type: 'string' },
      'top-p': { type: 'string' },
      'max-tokens': { type: 'string' },
      languages: { type: 'string' },
      limit: { type: 'string' },
      tasks: { type: 'string' },
      concurrency: { type: 'string' },
      ...MODEL_OPTIONS,
    },
    RUN_USAGE,
  );
  if (values.help) {
    io.stdout.write(`usage: ${RUN_USAGE}\n`);
    return 0;
  }
  const common = parseCommonRunValues(values);
  if (typeof values.model !== 'string') {
    throw new UsageError({
      message: '--model is required, e.g. --model reference or --model replay:samples.jsonl',
    });
  }
  if (values.limit !== undefined && values.tasks !== undefined) {
    throw new UsageError({ message: '--limit and --tasks cannot be used together' });
  }
  const setup = await setUpModel(values.model, values, registry, io);
  const { provider } = setup;
  const replay = 'samplesFile' in provider ? (provider as ReplayProvider).samplesFile() : undefined;
  const fileCounts = replay ? [...replay.byTask.values()].map((list) => list.length) : [];
  const n = parsePositiveInteger(values.n, '-n') ?? (replay ? Math.max(...fileCounts) : 1);
  const temperature = parseNumber(values.temperature, '--temperature', 0, 2);
  const topP = parseNumber(values['top-p'], '--top-p', 0, 1);
  const maxTokens =
    parsePositiveInteger(values['max-tokens'], '--max-tokens') ??
    (setup.promptFormat ? DEFAULT_MAX_TOKENS[setup.promptFormat.mode] : undefined);
  const limit = parsePositiveInteger(values.limit, '--limit');
  const tasks = parseList(values.tasks);
  const languages = parseList(values.languages);
  return executeRun(
    registry,
    {
      mode: 'run',
      datasetId: common.datasetId,
      provider,
      selectProblems: (problems) =>
        selectProblems(problems, {
          ...(tasks ? { tasks } : {}),
          ...(limit === undefined ? {} : { limit }),
          ...(languages ? { languages } : {}),
          ...(replay && !tasks ? { within: new Set(replay.byTask.keys()) } : {}),
        }),
      n,
      ...(common.ks ? { ks: common.ks } : {}),
      sampling: {
        ...(temperature === undefined ? {} : { temperature }),
        ...(topP === undefined ? {} : { topP }),
        ...(maxTokens === undefined ? {} : { maxTokens }),
        // A seed given on the command line is also the model's sampling seed (sample i: seed + i).
        ...(provider.generative && values.seed !== undefined ? { seed: common.seed } : {}),
        ...(setup.reasoningEffort ? { reasoningEffort: setup.reasoningEffort } : {}),
      },
      ...(setup.promptFormat ? { promptFormat: setup.promptFormat } : {}),
      ...(setup.maxCostUsd === undefined ? {} : { maxCostUsd: setup.maxCostUsd }),
      ...(setup.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: setup.requestTimeoutMs }),
      ...(setup.retries === undefined ? {} : { retries: setup.retries }),
      dryRun: setup.dryRun,
      seed: common.seed,
      resamples: common.resamples,
      timeoutFactor: common.timeoutFactor,
      ...(common.out ? { out: common.out } : {}),
      generationConcurrency: parsePositiveInteger(values.concurrency, '--concurrency') ?? 8,
      ...(common.workers ? { workers: common.workers } : {}),
      cache: common.cache,
      json: common.json,
      sandbox: common.sandbox,
      verdicts: common.verdicts,
      runName: `${slug(common.datasetId.startsWith('jsonl:') ? basename(common.datasetId.slice(6)) : common.datasetId)}-${slug(provider.model)}`,
    },
    io,
  );
}
