/** How a column's values are shown: fractions as percent or points, p-values, intervals. */
export type ColumnKind =
  | 'text'
  | 'count'
  | 'percent'
  | 'points'
  | 'percent-interval'
  | 'points-interval'
  | 'p-value'
  | 'flag';

/** A cell: text, a number (a fraction for percent/points), a [low, high] interval, a flag, or null (none). */
export type ReportCell = string | number | boolean | null | readonly [number, number];

/** One column of a report table. */
export interface ReportColumn {
  /** snake_case name (the CSV header; an interval becomes `<name>_low`, `<name>_high`). */
  readonly name: string;
  /** Heading for people. */
  readonly title: string;
  readonly kind: ColumnKind;
}

/** A column `name` of kind `kind`, headed `title` (the name unless given). */
export function column(name: string, kind: ColumnKind, title = name): ReportColumn {
  return { name, title, kind };
}

/** A table shown by every report format (HTML, markdown, CSV, text). */
export interface ReportTable {
  /** Stable id (`pass-at-k`, `slices`, `problems` …); the CSV `--table` name. */
  readonly id: string;
  /** Heading for people. */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Lines under the table (methods, what is missing). */
  readonly notes?: readonly string[];
}

const percent = (value: number) => (value * 100).toFixed(1);
const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`;

/**
 * A cell as people read it: fractions in percent (one decimal) or signed points, intervals
 * as `[low, high]`, p-values with four decimals (`<0.0001` below), flags as `yes`, none as `-`.
 */
export function formatCell(cell: ReportCell, kind: ColumnKind): string {
  if (cell === null) return '-';
  if (typeof cell === 'object') {
    const [low, high] = cell;
    return kind === 'points-interval'
      ? `[${points(low)}, ${points(high)}]`
      : `[${percent(low)}, ${percent(high)}]`;
  }
  if (typeof cell === 'boolean') return cell ? 'yes' : '';
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'percent':
      return percent(cell);
    case 'points':
      return points(cell);
    case 'p-value':
      return cell < 0.0001 ? '<0.0001' : cell.toFixed(4);
    default:
      return String(cell);
  }
}

/** A column heading for people, with the unit of percent and points columns. */
export function columnHeading(column: ReportColumn): string {
  if (column.kind === 'percent' || column.kind === 'percent-interval') return `${column.title} %`;
  if (column.kind === 'points' || column.kind === 'points-interval')
    return `${column.title} (points)`;
  return column.title;
}
