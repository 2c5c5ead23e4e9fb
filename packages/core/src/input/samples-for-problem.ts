import type { Problem } from '../spec/problem.ts';
import type { SampleInput, SamplesFile } from './read-samples-file.ts';

/**
 * The samples of one problem in a samples file, in file order (sample i is entry i): the
 * lines of its task id whose `language` is one of `names` (the problem's language id and its
 * aliases), and the lines that name no language.
 *
 * @param file The parsed samples file.
 * @param problem The problem (task id and language id).
 * @param names Language names that mean the problem's language; default its id alone.
 * @returns The lines, possibly none.
 */
export function samplesForProblem(
  file: SamplesFile,
  problem: Pick<Problem, 'id' | 'language'>,
  names: readonly string[] = [problem.language],
): readonly SampleInput[] {
  return (file.byTask.get(problem.id) ?? []).filter(
    (sample) => sample.language === undefined || names.includes(sample.language),
  );
}
