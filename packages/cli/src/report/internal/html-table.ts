import { columnHeading, formatCell, type ReportTable } from '@passk/core';
import { escapeHtml } from './escape-html.ts';

/** A report table as an HTML `<table>` (text escaped), its notes as a list below. */
export function htmlTable(table: ReportTable, options: { readonly maxRows?: number } = {}): string {
  const numeric = table.columns.map((column) => column.kind !== 'text' && column.kind !== 'flag');
  const head = table.columns
    .map(
      (column, index) =>
        `<th${numeric[index] ? ' class="num"' : ''}>${escapeHtml(columnHeading(column))}</th>`,
    )
    .join('');
  const rows = table.rows.slice(0, options.maxRows ?? table.rows.length);
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) => {
            const column = table.columns[index];
            const text = formatCell(cell, column?.kind ?? 'text');
            return `<td${numeric[index] ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const more =
    rows.length < table.rows.length
      ? [`${table.rows.length - rows.length} more rows in the markdown and CSV outputs`]
      : [];
  const notes = [...(table.notes ?? []), ...more];
  return [
    rows.length > 0
      ? `<table data-table="${escapeHtml(table.id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
      : '',
    notes.length > 0
      ? `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`
      : '',
  ].join('\n');
}
