import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { visibleTestsOf } from '@passk/datasets';
import * as z from 'zod';
import type { DatasetCatalog } from '../internal/dataset-catalog.ts';
import { toolResult } from '../internal/tool-result.ts';

const DATASET_INFO = z.object({
  id: z.string(),
  description: z.string(),
  version: z.string(),
  languages: z.array(z.string()),
  problems: z
    .number()
    .int()
    .nullable()
    .describe('problem count; null when the data is not present'),
  present: z.boolean().describe('whether its data is on this machine'),
  visible_tests: z.boolean().describe("whether check_solution can run the prompts' examples"),
});

/** The rows of `list_datasets` (and of the `passk://datasets` resource). */
export async function datasetInfos(
  catalog: DatasetCatalog,
): Promise<z.infer<typeof DATASET_INFO>[]> {
  return Promise.all(
    catalog.ids.map(async (id) => {
      const { dataset, loaded } = await catalog.entry(id);
      const present = !('error' in loaded);
      return {
        id,
        description: dataset.description,
        version: dataset.version,
        languages: [...dataset.languages],
        problems: present ? loaded.problems.length : null,
        present,
        visible_tests: visibleTestsOf(dataset) !== undefined,
      };
    }),
  );
}

/** Registers `list_datasets`: every dataset with its problem count, languages and version. */
export function registerListDatasets(server: McpServer, catalog: DatasetCatalog): void {
  server.registerTool(
    'list_datasets',
    {
      title: 'List datasets',
      description:
        'The benchmarks passk knows: id, problem count, languages, version, whether the data is on this machine and whether check_solution can run visible tests.',
      inputSchema: {},
      outputSchema: { datasets: z.array(DATASET_INFO) },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async () => {
      const datasets = await datasetInfos(catalog);
      const present = datasets.filter((dataset) => dataset.present);
      return toolResult(
        `${datasets.length} datasets, ${present.length} with data present: ${present.map((dataset) => `${dataset.id} (${dataset.problems})`).join(', ')}`,
        { datasets },
      );
    },
  );
}
