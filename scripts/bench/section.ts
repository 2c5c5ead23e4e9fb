/** What every bench section gets. */
export interface BenchContext {
  /** The repository root. */
  readonly root: string;
  /** Where the benchmark data lives (`PASSK_DATA_DIR`, default `../shared/datasets`). */
  readonly dataDir: string;
}

/** One table of a bench report. Ratios against a baseline measured in the same run. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Raw measurements, written to `bench-results/bench.json`. */
  readonly data: unknown;
}

/** A named part of `npm run bench`; `npm run bench -- <name> ...` runs only those. */
export interface BenchSection {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<BenchTable>;
}
