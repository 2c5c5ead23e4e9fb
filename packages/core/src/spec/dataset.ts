import type { Problem } from './problem.ts';
import type { Candidate, Program } from './program.ts';
import type { VisibleTestSet } from './visible-tests.ts';

/** A data file a dataset needs, and where it comes from. */
export interface DataFileSpec {
  /** Path relative to the data directory (`humaneval/HumanEval.jsonl.gz`). */
  readonly path: string;
  /** Canonical download URL. */
  readonly url: string;
  /** Expected sha256 of the stored bytes, lowercase hex. */
  readonly sha256: string;
}

/** Where a dataset's files are looked up; see `resolveDataFile`. */
export interface DataContext {
  /** `PASSK_DATA_DIR`, if set. */
  readonly dataDir?: string;
  /** User cache directory for downloads. */
  readonly cacheDir: string;
  /** Whether downloading is allowed (default true). */
  readonly allowDownload: boolean;
}

/** Problems of a dataset as loaded, with the hash of what was loaded. */
export interface LoadedDataset {
  /** Problems in the benchmark's order. */
  readonly problems: readonly Problem[];
  /** sha256 over the loaded files, recorded in the manifest. */
  readonly contentHash: string;
}

/** A benchmark: loads problems and assembles programs from completions. */
export interface Dataset {
  /** Id used on the command line (`humaneval`, `jsonl:/path`). */
  readonly id: string;
  /** Version of the data (upstream release or commit). */
  readonly version: string;
  /** One line describing the benchmark. */
  readonly description: string;
  /** Language ids its problems use. */
  readonly languages: readonly string[];
  /** Files it needs (empty for bundled data). */
  readonly files: readonly DataFileSpec[];
  /** Loads and validates the problems. Throws `PasskError` for missing or invalid data. */
  load(context: DataContext): Promise<LoadedDataset>;
  /** The program that tests `candidate` against `problem`, as the reference harness builds it. */
  buildProgram(problem: Problem, candidate: Candidate): Program;
  /**
   * The examples `problem`'s prompt shows, as tests (agents' `run_tests`, the MCP server's
   * `check_solution tests: visible`); undefined when it shows none that run. Optional: a
   * dataset without it has no visible tests.
   */
  visibleTests?(problem: Problem): VisibleTestSet | undefined;
}
