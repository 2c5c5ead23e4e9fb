/**
 * `npm run bench [-- <section> ...]`: speed and memory of passk against baselines measured in
 * the same run, on this machine. Without arguments every section runs. Prints one table per
 * section and writes every measurement to `bench-results/bench.json`.
 *
 * A section is a file in scripts/bench/ exporting a `BenchSection`; add it to SECTIONS.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentBench } from './bench/agent.ts';
import { distributedBench } from './bench/distributed.ts';
import { evalPlusBench } from './bench/evalplus.ts';
import { hostileBench } from './bench/hostile.ts';
import { humanEvalBench } from './bench/humaneval.ts';
import { languagesCompiledBench } from './bench/languages-compiled.ts';
import {
  languagesCppBench,
  languagesGoBench,
  languagesJavaBench,
  languagesLuaBench,
  languagesNodeBench,
  languagesPhpBench,
  languagesRubyBench,
  languagesRustBench,
} from './bench/languages-node.ts';
import { languagesScriptingBench } from './bench/languages-scripting.ts';
import { mcpBench } from './bench/mcp.ts';
import { mcpCancelBench } from './bench/mcp-cancel.ts';
import { providersBench } from './bench/providers.ts';
import { sandboxBench } from './bench/sandbox.ts';
import type { BenchSection, BenchTable } from './bench/section.ts';

const SECTIONS: readonly BenchSection[] = [
  humanEvalBench,
  sandboxBench,
  providersBench,
  languagesCompiledBench,
  languagesScriptingBench,
  languagesNodeBench,
  languagesRubyBench,
  languagesPhpBench,
  languagesLuaBench,
  languagesGoBench,
  languagesCppBench,
  languagesJavaBench,
  languagesRustBench,
  evalPlusBench,
  hostileBench,
  mcpBench,
  mcpCancelBench,
  distributedBench,
  agentBench,
];

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = process.env.PASSK_DATA_DIR ?? join(root, '../shared/datasets');
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length > 0) {
  console.error(
    `bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((section) => section.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = SECTIONS.filter(
  (section) => requested.length === 0 || requested.includes(section.name),
);

const tables: Record<string, BenchTable> = {};
for (const section of chosen) {
  console.error(`bench: ${section.name}: ${section.description}`);
  const table = await section.run({ root, dataDir });
  tables[section.name] = table;
  console.log(`\n${table.title}\n`);
  console.log(table.columns.join(' | '));
  for (const row of table.rows) console.log(row.join(' | '));
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results/bench.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cores: spawnSync('nproc').stdout.toString().trim(),
      sections: Object.fromEntries(
        Object.entries(tables).map(([name, table]) => [name, table.data]),
      ),
    },
    null,
    2,
  )}\n`,
);
