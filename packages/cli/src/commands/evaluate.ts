import { basename, resolve } from 'node:path';
import { InvalidInputError, type Registry, UsageError } from '@passk/core';
import { createReplayProvider } from '@passk/providers';
import { type CommandIo, log } from '../io.ts';
import { parseOptions } from '../parse-options.ts';
import { COMMON_RUN_OPTIONS, parseCommonRunValues, slug } from './common-options.ts';
import { executeRun } from './execute-run.ts';

export const EVALUATE_USAGE =
  'passk evaluate <samples.jsonl> --dataset <id> [-k 1,10,100] [--out DIR] [--workers N] [--timeout-factor F] [--seed S] [--no-cache] [--sandbox bwrap|none] [--verdicts strict|reference] [--json]';

/**
 * `passk evaluate`: score an existing samples file (human-eval `completion`, EvalPlus
 * `solution`, HumanEval-X `generation`). Sample i of a task is its i-th line in the file.
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
  const common = parseCommonRunValues(values);
  const path = resolve(io.cwd, positionals[0] as string);
  const provider = createReplayProvider({
    path,
    id: `samples:${basename(path)}`,
    model: basename(path),
  });
  await provider.prepare?.();
  const file = provider.samplesFile();
  const counts = new Map([...file.byTask].map(([taskId, samples]) => [taskId, samples.length]));
  return executeRun(
    registry,
    {
      mode: 'evaluate',
      datasetId: common.datasetId,
      provider,
      selectProblems(problems) {
        const known = new Set(problems.map((problem) => problem.id));
        for (const [taskId, samples] of file.byTask) {
          if (!known.has(taskId)) {
            throw new InvalidInputError({
              reason: `unknown task_id '${taskId}' for dataset ${common.datasetId} (ids look like ${problems
                .slice(0, 2)
                .map((problem) => problem.id)
                .join(', ')})`,
              location: {
                file: positionals[0] as string,
                line: samples[0]?.line as number,
                path: '/task_id',
              },
            });
          }
        }
        const selected = problems.filter((problem) => counts.has(problem.id));
        if (selected.length < problems.length) {
          log(
            io,
            `note: the samples cover ${selected.length} of the dataset's ${problems.length} problems; pass@k is over those ${selected.length}`,
          );
        }
        return selected;
      },
      n: Math.max(...counts.values()),
      samplesFor: (problem) => counts.get(problem.id) ?? 0,
      ...(common.ks ? { ks: common.ks } : {}),
      sampling: {},
      seed: common.seed,
      resamples: common.resamples,
      timeoutFactor: common.timeoutFactor,
      ...(common.out ? { out: common.out } : {}),
      generationConcurrency: 64,
      ...(common.workers ? { workers: common.workers } : {}),
      cache: common.cache,
      json: common.json,
      sandbox: common.sandbox,
      verdicts: common.verdicts,
      input: { path, sha256: file.sha256, format: file.format },
      runName: `evaluate-${slug(basename(path).replace(/\.jsonl(\.gz)?$/, ''))}`,
    },
    io,
  );
}
