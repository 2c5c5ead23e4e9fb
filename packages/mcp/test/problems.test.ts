import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createRegistry, defineDataset, type Registry } from '@passk/core';
import { createDemoDataset, createHumanEvalDataset, createMbppDataset } from '@passk/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasskMcpServer, type PasskMcpServer } from '../src/index.ts';
import { connectInMemory } from './connect.ts';

const slowDataset = defineDataset({
  ...createDemoDataset(),
  id: 'slow',
  async load(context) {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    return createDemoDataset().load(context);
  },
});

const registry: Registry = createRegistry({
  datasets: {
    demo: { create: () => createDemoDataset(), description: 'demo' },
    humaneval: { create: () => createHumanEvalDataset(), description: 'HumanEval' },
    mbpp: { create: () => createMbppDataset(), description: 'MBPP' },
  },
  languages: {},
  providers: {},
});

describe('datasets and problems over MCP (in memory)', () => {
  let server: PasskMcpServer;
  let client: Client;
  beforeAll(async () => {
    server = createPasskMcpServer({ registry, version: '0.0.0-test', env: process.env });
    client = await connectInMemory(server);
  });
  afterAll(() => server.close());

  it('lists tools with input and output schemas and truthful annotations', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    for (const name of ['list_datasets', 'get_problem']) {
      const tool = byName.get(name);
      expect(tool?.inputSchema.type).toBe('object');
      expect(tool?.outputSchema?.type).toBe('object');
      expect(tool?.annotations?.readOnlyHint).toBe(true);
    }
  });

  it('list_datasets gives counts, languages and whether the data is present', async () => {
    await client.callTool({ name: 'get_problem', arguments: { dataset: 'mbpp', index: 0 } });
    await client.callTool({ name: 'get_problem', arguments: { dataset: 'humaneval', index: 0 } });
    const result = await client.callTool({ name: 'list_datasets', arguments: {} });
    const { datasets } = result.structuredContent as {
      datasets: { id: string; problems: number | null; present: boolean; languages: string[] }[];
    };
    expect(datasets.find((dataset) => dataset.id === 'demo')).toMatchObject({
      problems: 36,
      present: true,
      languages: ['python'],
    });
    expect(datasets.find((dataset) => dataset.id === 'humaneval')?.problems).toBe(164);
    expect((result.content as { text: string }[])[0]?.text).toContain('demo (36)');
  });

  it('list_datasets answers within 2 s while a dataset is still loading, and counts it later', async () => {
    const fresh = createPasskMcpServer({
      registry: createRegistry({
        datasets: {
          slow: { create: () => slowDataset, description: 'slow' },
          demo: { create: () => createDemoDataset(), description: 'demo' },
        },
        languages: {},
        providers: {},
      }),
      version: 'test',
      env: process.env,
    });
    const other = await connectInMemory(fresh);
    const startedAt = Date.now();
    const first = await other.callTool({ name: 'list_datasets', arguments: {} });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    const slow = (result: typeof first) =>
      (
        result.structuredContent as {
          datasets: { id: string; problems: number | null; present: boolean }[];
        }
      ).datasets.find((dataset) => dataset.id === 'slow');
    expect(slow(first)).toMatchObject({ problems: null, present: true });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(slow(await other.callTool({ name: 'list_datasets', arguments: {} }))?.problems).toBe(36);
    await fresh.close();
  });

  it('get_problem shows the prompt and visible examples, never the hidden tests or the reference', async () => {
    const result = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'humaneval', task_id: 'HumanEval/0' },
    });
    const view = result.structuredContent as Record<string, unknown>;
    expect(view).toMatchObject({
      task_id: 'HumanEval/0',
      index: 0,
      language: 'python',
      entry_point: 'has_close_elements',
      visible_tests: true,
      uri: 'passk://datasets/humaneval/problems/HumanEval%2F0',
    });
    expect(view.visible_examples).toEqual([
      { input: 'has_close_elements([1.0, 2.0, 3.0], 0.5)', expected: 'False' },
      { input: 'has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)', expected: 'True' },
    ]);
    const all = JSON.stringify(result);
    const { problems } = await createHumanEvalDataset().load({
      dataDir: process.env.PASSK_DATA_DIR,
      cacheDir: '/tmp',
      allowDownload: false,
    });
    const hidden = problems[0];
    expect(all).not.toContain('def check(candidate)');
    expect(all).not.toContain(JSON.stringify(hidden?.referenceCompletion).slice(1, 40));
    expect(all).not.toContain('METADATA');
  });

  it('get_problem by index; MBPP shows its first assert', async () => {
    const result = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'mbpp', index: 0 },
    });
    const view = result.structuredContent as { task_id: string; visible_examples: unknown[] };
    expect(view.task_id).toBe('Mbpp/11');
    expect(view.visible_examples).toEqual([{ input: 'assert remove_Occ("hello","l") == "heo"' }]);
    expect(JSON.stringify(result)).not.toContain('abcda');
  });

  it('bad arguments are isError results naming the field and what was expected', async () => {
    const wrongType = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'demo', task_id: 7 },
    });
    expect(wrongType.isError).toBe(true);
    expect((wrongType.content as { text: string }[])[0]?.text).toMatch(/task_id/);
    expect((wrongType.content as { text: string }[])[0]?.text).toMatch(/expected string/);
    const unknownTask = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'demo', task_id: 'nope' },
    });
    expect(unknownTask.isError).toBe(true);
    expect((unknownTask.content as { text: string }[])[0]?.text).toMatch(/no task 'nope'/);
    const unknownDataset = await client.callTool({
      name: 'get_problem',
      arguments: { dataset: 'nope', index: 0 },
    });
    expect(unknownDataset.isError).toBe(true);
    expect((unknownDataset.content as { text: string }[])[0]?.text).toMatch(/humaneval/);
  });

  it('problem resources are listed and read', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain('passk://datasets');
    expect(uris).toContain('passk://datasets/demo/problems/demo%2F0');
    expect(uris.length).toBeGreaterThan(36 + 164 + 500);
    const read = await client.readResource({
      uri: 'passk://datasets/humaneval/problems/HumanEval%2F3',
    });
    const view = JSON.parse((read.contents[0] as { text: string }).text);
    expect(view.task_id).toBe('HumanEval/3');
    expect(view.prompt).toContain('below_zero');
  });
});
