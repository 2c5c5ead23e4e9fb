import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { DatasetCatalog } from '../internal/dataset-catalog.ts';
import { problemView } from '../internal/problem-view.ts';
import { DATASETS_URI, problemUri } from '../internal/uris.ts';
import { datasetInfos } from '../tools/list-datasets.ts';

const JSON_TYPE = 'application/json';

/**
 * Registers the dataset resources: `passk://datasets` (the listing) and
 * `passk://datasets/{dataset}/problems/{task}` (a problem as `get_problem` shows it), whose
 * list callback names every problem of the datasets whose data is present.
 */
export function registerDatasetResources(server: McpServer, catalog: DatasetCatalog): void {
  server.registerResource(
    'datasets',
    DATASETS_URI,
    { title: 'Datasets', description: 'The benchmarks passk knows', mimeType: JSON_TYPE },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: JSON_TYPE,
          text: JSON.stringify({ datasets: await datasetInfos(catalog) }, null, 2),
        },
      ],
    }),
  );
  server.registerResource(
    'problem',
    new ResourceTemplate('passk://datasets/{dataset}/problems/{task}', {
      // Lists the problems of the datasets loaded within list_datasets' time budget.
      list: async () => {
        await datasetInfos(catalog);
        const resources = [];
        for (const id of catalog.ids) {
          const loaded = catalog.peek(id)?.loaded;
          if (loaded === undefined || 'error' in loaded) continue;
          for (const problem of loaded.problems) {
            resources.push({
              uri: problemUri(id, problem.id),
              name: `${id} ${problem.id}`,
              mimeType: JSON_TYPE,
            });
          }
        }
        return { resources };
      },
    }),
    {
      title: 'Problem',
      description: "A problem's prompt and visible examples (never its hidden tests)",
      mimeType: JSON_TYPE,
    },
    async (uri, variables) => {
      const datasetId = decodeURIComponent(String(variables.dataset));
      const taskId = decodeURIComponent(String(variables.task));
      const { dataset, problem } = await catalog.problem(datasetId, taskId);
      const { problems } = await catalog.problems(datasetId);
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: JSON_TYPE,
            text: JSON.stringify(problemView(dataset, problem, problems.indexOf(problem)), null, 2),
          },
        ],
      };
    },
  );
}
