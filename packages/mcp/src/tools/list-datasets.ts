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
    .describe('problem count; null when the data is not present or still loading (ask again)'),
  present: z.boolean().describe('whether its data is on this machine'),
  visible_tests: z.boolean().describe("whether check_solution can run the prompts' examples"),
});

/** How long `list_datasets` waits for datasets to load before answering, in milliseconds. */
const LOAD_BUDGET_MS = 1000;

/**
 * The rows of `list_datasets` (and of the `passk://datasets` resource). Starts loading every
 * dataset and waits at most `budgetMs`: a dataset still loading then has `problems: null`
 * (counted on a later call) and `present` from its files' existence.
 */
export async function datasetInfos(
  catalog: DatasetCatalog,
  budgetMs = LOAD_BUDGET_MS,
): Promise<z.infer<typeof DATASET_INFO>[]> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(catalog.ids.map((id) => catalog.entry(id))),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, budgetMs);
    }),
  ]);
  clearTimeout(timer);
  return Promise.all(
    catalog.ids.map(async (id) => {
      const entry = catalog.peek(id);
      const dataset = entry?.dataset ?? catalog.dataset(id);
      const loaded = entry?.loaded;
      const present = loaded ? !('error' in loaded) : await catalog.dataPresent(dataset);
      return {
        id,
        description: dataset.description,
        version: dataset.version,
        languages: [...dataset.languages],
        problems: loaded && !('error' in loaded) ? loaded.problems.length : null,
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
