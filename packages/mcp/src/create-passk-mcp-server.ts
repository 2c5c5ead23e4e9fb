import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { defaultDataContext, type Registry, type SandboxMode } from '@passk/core';
import { createDatasetCatalog } from './internal/dataset-catalog.ts';
import { createExecutionService } from './internal/execution-service.ts';
import { createRunTable } from './internal/run-table.ts';
import type { RunsContext } from './internal/runs-context.ts';
import { registerDatasetResources } from './resources/register-dataset-resources.ts';
import { registerRunResources } from './resources/register-run-resources.ts';
import type { StartPasskRun } from './run-request.ts';
import { registerCheckSolution } from './tools/check-solution.ts';
import { registerCompareRuns } from './tools/compare-runs.ts';
import { registerGetProblem } from './tools/get-problem.ts';
import { registerListDatasets } from './tools/list-datasets.ts';
import { registerRunQueries } from './tools/run-queries.ts';
import { registerStartRun } from './tools/start-run.ts';

/** Receives the server's notes and warnings (the `passk mcp` command writes them to stderr). */
export interface McpLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of {@link createPasskMcpServer}. */
export interface PasskMcpServerOptions {
  /** Where dataset, language and provider ids are looked up. */
  readonly registry: Registry;
  /** Version announced to clients. */
  readonly version: string;
  /** Starts runs for `start_run` (passk's SDK `run`/`evaluate`); without it, no run tools. */
  readonly startRun?: StartPasskRun;
  /** Where `start_run` writes runs (`<runsDirectory>/<run_id>`). Default `runs` under `cwd`. */
  readonly runsDirectory?: string;
  /** Directory relative paths are resolved from. Default `process.cwd()`. */
  readonly cwd?: string;
  /** Runs executing at once; more wait, `queued`. Default 1. */
  readonly maxConcurrentRuns?: number;
  /** Programs executed at once, by `check_solution` and by each run; more wait. Default the cores. */
  readonly maxConcurrentExecutions?: number;
  /** How programs are isolated. Default `bwrap`. */
  readonly sandbox?: SandboxMode;
  /** Environment passk reads (`PASSK_DATA_DIR`, `PASSK_CACHE_DIR`, API keys…). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Receives notes and warnings. Default silent. Nothing is ever written to stdout. */
  readonly logger?: McpLogger;
}

/**
 * passk as an MCP server: state shared by every session (datasets loaded once, one executor
 * for `check_solution`, the runs), and a factory of sessions. Each client connection (stdio,
 * or one Streamable HTTP session) gets its own `McpServer` from `createSession()`.
 */
export interface PasskMcpServer {
  /** A new MCP server with passk's tools and resources, to connect to one transport. */
  createSession(): McpServer;
  /** Closes every session, stops every run (resumable) and closes the executor. */
  close(): Promise<void>;
}

/** Creates the shared state of passk's MCP server; see {@link PasskMcpServer}. */
export function createPasskMcpServer(options: PasskMcpServerOptions): PasskMcpServer {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const warn = (message: string) => options.logger?.warn(message);
  const workers = options.maxConcurrentExecutions ?? availableParallelism();
  const catalog = createDatasetCatalog(options.registry, defaultDataContext(env));
  const execution = createExecutionService({
    registry: options.registry,
    workers,
    sandbox: options.sandbox ?? 'bwrap',
    env,
    warn,
  });
  const runs: RunsContext | undefined = options.startRun
    ? {
        table: createRunTable(options.startRun, options.maxConcurrentRuns ?? 1),
        runsDirectory: resolve(cwd, options.runsDirectory ?? 'runs'),
        workers,
        env,
        cwd,
      }
    : undefined;
  const sessions = new Set<McpServer>();
  return {
    createSession() {
      const server = new McpServer(
        { name: 'passk', version: options.version },
        {
          instructions:
            'passk evaluates code: list_datasets and get_problem find problems, check_solution runs a program against visible or hidden tests in a sandbox, start_run/get_run run whole evaluations (pass@k), compare_runs compares two of them.',
        },
      );
      const cleanups = new Set<() => void>();
      registerListDatasets(server, catalog);
      registerGetProblem(server, catalog);
      registerCheckSolution(server, catalog, execution);
      registerDatasetResources(server, catalog);
      if (runs) {
        registerStartRun(server, runs, cleanups);
        registerRunQueries(server, runs);
        registerCompareRuns(server, runs);
        registerRunResources(server, runs);
      }
      sessions.add(server);
      server.server.onclose = () => {
        sessions.delete(server);
        for (const cleanup of [...cleanups]) cleanup();
      };
      return server;
    },
    async close() {
      await Promise.all([...sessions].map((server) => server.close()));
      await runs?.table.close();
      await execution.close();
    },
  };
}
