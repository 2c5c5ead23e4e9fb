import { basename, resolve } from 'node:path';
import {
  InvalidInputError,
  type Problem,
  parseSamples,
  type RunEvaluationOptions,
  type RunHandle,
  type RunOutcome,
  type SamplesFile,
  slug,
} from '@passk/core';
import { createReplayProvider, type ReplayProvider } from '@passk/providers';
import type { EvaluateOptions } from './run-options.ts';
import { scoringSettings } from './scoring-settings.ts';
import { startEvaluation } from './start-evaluation.ts';

/**
 * Scores existing samples: what `passk evaluate` does, with the same defaults, files and
 * resume semantics. Sample i of a task is its i-th line (or record); every task id must be
 * one of the dataset's (`InvalidInputError` naming the line otherwise), and pass@k is over the
 * problems the samples cover. Returns the same handle as {@link run}.
 */
export function evaluate(options: EvaluateOptions): RunHandle<RunOutcome> {
  return startEvaluation(() => evaluateSettings(options));
}

function evaluateSettings(options: EvaluateOptions): RunEvaluationOptions {
  const { dataset, core } = scoringSettings(options);
  const cwd = core.cwd ?? process.cwd();
  const given = typeof options.samples === 'string' ? options.samples : undefined;
  const path = given === undefined ? 'samples' : resolve(cwd, given);
  const provider: ReplayProvider = createReplayProvider({
    path,
    id: `samples:${basename(path)}`,
    model: basename(path),
    ...(typeof options.samples === 'string'
      ? {}
      : {
          samples: parseSamples(
            options.samples.map((line) => JSON.stringify(line)).join('\n'),
            'samples',
          ),
        }),
  });
  return {
    ...core,
    dataset,
    provider,
    mode: 'evaluate',
    name: `evaluate-${slug(basename(path).replace(/\.jsonl(\.gz)?$/, ''))}`,
    scope: (problems) => {
      const file = provider.samplesFile();
      const selected = coveredProblems(problems, file, dataset.id, given ?? 'samples');
      if (selected.length < problems.length) {
        core.logger?.info(
          `note: the samples cover ${selected.length} of the dataset's ${problems.length} problems; pass@k is over those ${selected.length}`,
        );
      }
      return {
        problems: selected,
        samplesFor: (problem) => file.byTask.get(problem.id)?.length ?? 0,
        input: { path: file.path, sha256: file.sha256, format: file.format },
      };
    },
    generationConcurrency: 64,
  };
}

/** The problems with samples; throws `InvalidInputError` for a task id the dataset lacks. */
function coveredProblems(
  problems: readonly Problem[],
  file: SamplesFile,
  datasetId: string,
  displayName: string,
): Problem[] {
  const known = new Set(problems.map((problem) => problem.id));
  for (const [taskId, samples] of file.byTask) {
    if (!known.has(taskId)) {
      throw new InvalidInputError({
        reason: `unknown task_id '${taskId}' for dataset ${datasetId} (ids look like ${problems
          .slice(0, 2)
          .map((problem) => problem.id)
          .join(', ')})`,
        location: { file: displayName, line: samples[0]?.line as number, path: '/task_id' },
      });
    }
  }
  return problems.filter((problem) => file.byTask.has(problem.id));
}
