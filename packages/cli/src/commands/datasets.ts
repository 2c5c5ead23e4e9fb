import { defaultDataContext, PasskError } from '@passk/core';
import { DATASETS_HELP } from '../help/other-help.ts';
import type { Command } from '../io.ts';
import { parseOptions } from '../parse-options.ts';

/** `passk datasets`: the known datasets with problem counts, languages and versions. */
export const datasetsCommand: Command = async (argv, registry, io) => {
  const { values } = parseOptions(argv, { json: { type: 'boolean' } }, DATASETS_HELP);
  const rows: {
    id: string;
    problems: number | null;
    languages: string;
    version: string;
    description: string;
    status: string;
  }[] = [];
  for (const [id, entry] of Object.entries(registry.input.datasets)) {
    if (entry.argument) {
      rows.push({
        id: `${id}:<${entry.argument}>`,
        problems: null,
        languages: 'python',
        version: '-',
        description: entry.description,
        status: 'your file',
      });
      continue;
    }
    const dataset = registry.dataset(id);
    try {
      const loaded = await dataset.load({ ...defaultDataContext(io.env), allowDownload: false });
      rows.push({
        id,
        problems: loaded.problems.length,
        languages: dataset.languages.join(','),
        version: dataset.version,
        description: dataset.description,
        status: 'ready',
      });
    } catch (error) {
      if (!PasskError.is(error)) throw error;
      rows.push({
        id,
        problems: null,
        languages: dataset.languages.join(','),
        version: dataset.version,
        description: dataset.description,
        status: 'not downloaded (set PASSK_DATA_DIR or let passk download it)',
      });
    }
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const table = [
    ['dataset', 'problems', 'languages', 'version', 'status'],
    ...rows.map((row) => [
      row.id,
      row.problems === null ? '-' : String(row.problems),
      row.languages,
      row.version,
      row.status,
    ]),
  ];
  const widths = (table[0] as string[]).map((_, column) =>
    Math.max(...table.map((row) => (row[column] as string).length)),
  );
  io.stdout.write(
    `${table
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column] as number))
          .join('  ')
          .trimEnd(),
      )
      .join('\n')}\n`,
  );
  return 0;
};
