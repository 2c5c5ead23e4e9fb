import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UsageError } from '@passk/core';
import * as z from 'zod';
import type { DatasetCatalog } from '../internal/dataset-catalog.ts';
import { PROBLEM_VIEW_SHAPE, problemView } from '../internal/problem-view.ts';
import { toolResult } from '../internal/tool-result.ts';

/** Registers `get_problem`: a problem's prompt and visible examples, never its hidden tests. */
export function registerGetProblem(server: McpServer, catalog: DatasetCatalog): void {
  server.registerTool(
    'get_problem',
    {
      title: 'Get a problem',
      description:
        'One problem of a dataset, by task_id or index: its prompt, language, entry point, stop sequences and the examples its prompt shows. The hidden tests and the reference solution are never returned.',
      inputSchema: {
        dataset: z.string().describe("dataset id, e.g. 'humaneval' or 'demo' (see list_datasets)"),
        task_id: z.string().optional().describe("the task id, e.g. 'HumanEval/0'"),
        index: z.number().int().min(0).optional().describe('position in the dataset, from 0'),
      },
      outputSchema: PROBLEM_VIEW_SHAPE,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ dataset, task_id, index }) => {
      if ((task_id === undefined) === (index === undefined))
        throw new UsageError({ message: 'give exactly one of task_id and index' });
      const found = await catalog.problem(dataset, task_id ?? (index as number));
      const { problems } = await catalog.problems(dataset);
      const view = problemView(found.dataset, found.problem, problems.indexOf(found.problem));
      return toolResult(
        `${view.task_id} (${view.language}, entry point ${view.entry_point}, ${view.visible_examples.length} visible examples)\n\n${view.prompt}`,
        view,
      );
    },
  );
}
