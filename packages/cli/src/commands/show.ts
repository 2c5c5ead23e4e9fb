import { defaultDataContext, type Registry, UsageError } from '@passk/core';
import { SHOW_HELP } from '../help/other-help.ts';
import type { Command } from '../io.ts';
import { parseOptions, usageError } from '../parse-options.ts';

/** `passk show`: print one problem: prompt, tests, entry point, reference solution, program. */
export const showCommand: Command = async (argv, registry, io) => {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' } }, SHOW_HELP);
  let datasetId: string;
  let taskId: string;
  if (positionals.length === 2) {
    [datasetId, taskId] = positionals as [string, string];
  } else if (positionals.length === 1 && (positionals[0] as string).includes('/')) {
    [datasetId, taskId] = splitTaskPath(positionals[0] as string, registry);
  } else {
    throw usageError(SHOW_HELP, `expected <dataset>/<task-id>`);
  }
  const dataset = registry.dataset(datasetId);
  const { problems } = await dataset.load(defaultDataContext(io.env));
  const problem = problems.find((candidate) => candidate.id === taskId);
  if (!problem) {
    throw new UsageError({
      message: `${datasetId} has no task '${taskId}'; ids look like ${problems
        .slice(0, 3)
        .map((p) => p.id)
        .join(', ')}`,
    });
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(problem, null, 2)}\n`);
    return 0;
  }
  const program =
    problem.referenceCompletion === undefined
      ? undefined
      : dataset.buildProgram(problem, { code: problem.referenceCompletion, kind: 'completion' });
  const section = (title: string, body: string) =>
    `── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n${body.replace(/\n*$/, '')}\n\n`;
  io.stdout.write(
    `${problem.id} · ${dataset.id} · ${problem.language} · entry point ${problem.entryPoint}\n\n` +
      section('prompt', problem.prompt) +
      (problem.referenceCompletion === undefined
        ? ''
        : section('reference completion', problem.referenceCompletion)) +
      section('tests', problem.tests) +
      section(
        'stop sequences',
        problem.stopSequences.map((stop) => JSON.stringify(stop)).join(' '),
      ) +
      (program
        ? section(
            `program as executed (${program.mainFile}, judge ${program.judge}, ${program.timeoutMs} ms)`,
            program.files.map((file) => file.contents).join('\n'),
          )
        : ''),
  );
  return 0;
};

/**
 * Splits `<dataset>/<task-id>`, where dataset ids may contain `/` (`multipl-e/lua`) and so
 * may task ids (`HumanEval/0`): the dataset is the longest known dataset id that the text
 * starts with, followed by `/`; failing that, the text before the first `/`.
 */
export function splitTaskPath(text: string, registry: Registry): [string, string] {
  const known = Object.keys(registry.input.datasets);
  const datasetId =
    known.filter((id) => text.startsWith(`${id}/`)).sort((a, b) => b.length - a.length)[0] ??
    text.slice(0, text.indexOf('/'));
  return [datasetId, text.slice(datasetId.length + 1)];
}
