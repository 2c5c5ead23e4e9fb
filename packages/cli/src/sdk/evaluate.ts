import { basename, resolve } from 'node:path';
import {
  InvalidInputError,
  type Problem,
  parseSamples,
  type RunEvaluationOptions,
  type RunHandle,
  type RunOutcome,
  type SamplesFile,
  samplesForProblem,
  selectProblems,
  slug,
} from '@passk/core';
import { createReplayProvider, type ReplayProvider } from '@passk/providers';
import { dateWindow } from './date-window-of.ts';
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
  const { registry, dataset, core, selection } = scoringSettings(options);
  const languageNames = (id: string): readonly string[] => {
    try {
      const language = registry.language(id);
      return [id, language.id, ...language.aliases];
    } catch {
      return [id];
    }
  };
  const cwd = core.cwd ?? process.cwd();
  const given = typeof options.samples === 'string' ? options.samples : undefined;
  const path = given === undefined ? 'samples' : resolve(cwd, given);
  const provider: ReplayProvider = createReplayProvider({
    path,
    id: `samples:${basename(path)}`,
    model: basename(path),
    languageNames,
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
      const covered = coveredProblems(problems, file, {
        datasetId: dataset.id,
        displayName: given ?? 'samples',
        languageNames,
        // With --languages, lines of the other languages are simply not scored.
        checkLanguages: selection.languages === undefined,
      });
      const selected = selectProblems(covered, selection);
      if (selected.length < problems.length) {
        core.logger?.info(
          `note: the samples cover ${covered.length} of the dataset's ${problems.length} problems${selected.length < covered.length ? ` (${selected.length} selected)` : ''}; pass@k is over those ${selected.length}`,
        );
      }
      return {
        problems: selected,
        samplesFor: (problem) =>
          samplesForProblem(file, problem, languageNames(problem.language)).length,
        input: { path: file.path, sha256: file.sha256, format: file.format },
        ...dateWindow(selection),
      };
    },
    generationConcurrency: 64,
  };
}

/**
 * The problems with samples. Throws `InvalidInputError` naming the line for a task id the
 * dataset lacks, a line whose `language` is not one of its task's languages, or a line without
 * `language` whose task id exists in several languages (MultiPL-E's ids repeat).
 */
function coveredProblems(
  problems: readonly Problem[],
  file: SamplesFile,
  context: {
    readonly datasetId: string;
    readonly displayName: string;
    readonly languageNames: (id: string) => readonly string[];
    readonly checkLanguages: boolean;
  },
): Problem[] {
  const byId = new Map<string, Problem[]>();
  for (const problem of problems) byId.set(problem.id, [...(byId.get(problem.id) ?? []), problem]);
  for (const [taskId, samples] of file.byTask) {
    const candidates = byId.get(taskId);
    const fail = (reason: string, line: number, path: string) =>
      new InvalidInputError({ reason, location: { file: context.displayName, line, path } });
    if (!candidates) {
      throw fail(
        `unknown task_id '${taskId}' for dataset ${context.datasetId} (ids look like ${problems
          .slice(0, 2)
          .map((problem) => problem.id)
          .join(', ')})`,
        samples[0]?.line as number,
        '/task_id',
      );
    }
    for (const sample of samples) {
      const languages = candidates.map((problem) => problem.language).join(', ');
      if (sample.language === undefined && candidates.length > 1) {
        throw fail(
          `task_id '${taskId}' exists in several languages of ${context.datasetId} (${languages}); give the line a 'language'`,
          sample.line,
          '/language',
        );
      }
      const language = sample.language;
      if (
        context.checkLanguages &&
        language !== undefined &&
        !candidates.some((problem) => context.languageNames(problem.language).includes(language))
      ) {
        throw fail(
          `task_id '${taskId}' has no '${language}' problem in ${context.datasetId} (its languages: ${languages})`,
          sample.line,
          '/language',
        );
      }
    }
  }
  return problems.filter(
    (problem) =>
      samplesForProblem(file, problem, context.languageNames(problem.language)).length > 0,
  );
}
