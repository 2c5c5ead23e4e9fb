import type { Dataset, Problem } from '@passk/core';
import { visibleTestsOf } from '@passk/datasets';
import * as z from 'zod';
import { problemUri } from './uris.ts';

/** What an agent may see of a problem: never its hidden tests or reference solution. */
export const PROBLEM_VIEW_SHAPE = {
  dataset: z.string().describe('dataset id'),
  task_id: z.string().describe("the benchmark's task id"),
  index: z.number().int().describe('position of the problem in the dataset, from 0'),
  language: z.string().describe('language id of the program to write'),
  prompt: z.string().describe('the text given to a model (for completions: the code to continue)'),
  entry_point: z.string().describe('name of the function under test'),
  stop_sequences: z.array(z.string()).describe('where a completion is cut'),
  visible_examples: z
    .array(
      z.object({
        input: z.string().describe('the call as written, or an assert statement'),
        expected: z.string().optional().describe('the expected value as written'),
      }),
    )
    .describe("the prompt's examples that check_solution runs with tests: 'visible'"),
  visible_tests: z.boolean().describe('whether check_solution can run visible tests'),
  uri: z.string().describe("the problem's resource URI"),
};

/** The view of `problem` (at `index` in `dataset`). */
export function problemView(
  dataset: Dataset,
  problem: Problem,
  index: number,
): z.infer<z.ZodObject<typeof PROBLEM_VIEW_SHAPE>> {
  const visible = visibleTestsOf(dataset)?.visibleTests(problem);
  return {
    dataset: dataset.id,
    task_id: problem.id,
    index,
    language: problem.language,
    prompt: problem.prompt,
    entry_point: problem.entryPoint,
    stop_sequences: [...problem.stopSequences],
    visible_examples: (visible?.examples ?? []).map((example) => ({ ...example })),
    visible_tests: visible !== undefined,
    uri: problemUri(dataset.id, problem.id),
  };
}
