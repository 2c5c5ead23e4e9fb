import { alignTable } from './render-summary.ts';
import { columnHeading, formatCell, type ReportTable } from './report-table.ts';

/** Text formats of a report table. */
export type ReportTableFormat = 'table' | 'markdown' | 'csv';

/**
 * Renders one report table: `markdown` (a heading, the table, its notes as a list), `table`
 * (aligned plain text) or `csv` (raw fractions, intervals as `_low`/`_high` columns, RFC 4180
 * quoting; `prefix` columns, e.g. the run, first).
 *
 * @returns The text, ending with a newline; an empty table gives its heading and notes only.
 */
export function renderReportTable(
  table: ReportTable,
  format: ReportTableFormat,
  prefix: readonly { readonly name: string; readonly value: string }[] = [],
): string {
  if (format === 'csv') return renderCsv(table, prefix);
  const headings = table.columns.map(columnHeading);
  const rows = table.rows.map((row) =>
    row.map((cell, index) => formatCell(cell, table.columns[index]?.kind ?? 'text')),
  );
  if (format === 'markdown') {
    const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
    const lines = [`### ${table.title}`, ''];
    if (rows.length > 0) {
      lines.push(
        `| ${headings.map(escapeCell).join(' | ')} |`,
        `|${headings.map(() => ' --- ').join('|')}|`,
        ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
        '',
      );
    }
    for (const note of table.notes ?? []) lines.push(`- ${note}`);
    if ((table.notes ?? []).length > 0) lines.push('');
    return `${lines.join('\n')}\n`;
  }
  const lines = [table.title];
  if (rows.length > 0) lines.push(alignTable([headings, ...rows]));
  lines.push(...(table.notes ?? []));
  return `${lines.join('\n')}\n`;
}

function renderCsv(
  table: ReportTable,
  prefix: readonly { readonly name: string; readonly value: string }[],
): string {
  const header = [
    ...prefix.map((column) => column.name),
    ...table.columns.flatMap((column) =>
      column.kind.endsWith('interval')
        ? [`${column.name}_low`, `${column.name}_high`]
        : [column.name],
    ),
  ];
  const lines = [header.map(quote).join(',')];
  for (const row of table.rows) {
    const cells = [...prefix.map((column) => column.value)];
    for (const [index, cell] of row.entries()) {
      const interval = table.columns[index]?.kind.endsWith('interval') ?? false;
      if (interval) {
        const pair = Array.isArray(cell) ? (cell as readonly [number, number]) : undefined;
        cells.push(pair ? String(pair[0]) : '', pair ? String(pair[1]) : '');
      } else {
        cells.push(cell === null ? '' : typeof cell === 'boolean' ? String(cell) : String(cell));
      }
    }
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** One CSV field, quoted when it holds a comma, quote or line break. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** CSV text without its header line (to join several runs' rows under one header). */
export function csvWithoutHeader(text: string): string {
  return text.slice(text.indexOf('\n') + 1);
}
