import type { RunTable } from './run-table.ts';

/** What the run tools and resources share in one server. */
export interface RunsContext {
  readonly table: RunTable;
  /** Where runs started over MCP live: `<runsDirectory>/<run_id>`. */
  readonly runsDirectory: string;
  /** Programs executed at once by one run. */
  readonly workers: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative samples paths are read from. */
  readonly cwd: string;
}
