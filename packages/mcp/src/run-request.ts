import type { RunHandle, RunOutcome } from '@passk/core';

/** What `start_run` asks for, resolved: the options of `passk run` / `passk evaluate`. */
export interface McpRunRequest {
  readonly dataset: string;
  /** A provider id (`demo`, `openai:gpt-4.1-mini`): generate with a model (`passk run`). */
  readonly model?: string;
  /** A samples file to score (`passk evaluate`), relative to `cwd`. */
  readonly samples?: string;
  readonly n?: number;
  readonly k?: readonly number[];
  readonly limit?: number;
  readonly tasks?: readonly string[];
  readonly temperature?: number;
  readonly seed?: number;
  /** The run directory (absolute): `<runs directory>/<run_id>`. */
  readonly out: string;
  /** Programs executed at once by this run. */
  readonly workers: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * Starts a run as passk's SDK does (`run()` for a model, `evaluate()` for samples) and returns
 * its handle: the MCP server owns no run lifecycle. `passk mcp` passes the SDK's calls.
 */
export type StartPasskRun = (request: McpRunRequest) => RunHandle<RunOutcome>;
