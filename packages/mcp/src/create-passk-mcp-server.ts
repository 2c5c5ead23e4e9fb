import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { defaultDataContext, type Registry } from '@passk/core';
import { createDatasetCatalog } from './internal/dataset-catalog.ts';
import { registerDatasetResources } from './resources/register-dataset-resources.ts';
import { registerGetProblem } from './tools/get-problem.ts';
import { registerListDatasets } from './tools/list-datasets.ts';

/** Receives the server's notes and warnings (the `passk mcp` command writes them to stderr). */
export interface McpLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Options of {@link createPasskMcpServer}. */
export interface PasskMcpServerOptions {
  /** Where dataset, language and provider ids are looked up. */
  readonly registry: Registry;
  /** Name and version announced to clients. */
  readonly version: string;
  /** Environment passk reads (`PASSK_DATA_DIR`, `PASSK_CACHE_DIR`, API keys…). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Receives notes and warnings. Default silent. Nothing is ever written to stdout. */
  readonly logger?: McpLogger;
}

/**
 * passk as an MCP server: state shared by every session (datasets loaded once), and a factory
 * of sessions. Each client connection (stdio, or one Streamable HTTP session) gets its own
 * `McpServer` from `createSession()`.
 */
export interface PasskMcpServer {
  /** A new MCP server with passk's tools and resources, to connect to one transport. */
  createSession(): McpServer;
  /** Closes every session created here. */
  close(): Promise<void>;
}

/** Creates the shared state of passk's MCP server; see {@link PasskMcpServer}. */
export function createPasskMcpServer(options: PasskMcpServerOptions): PasskMcpServer {
  const env = options.env ?? process.env;
  const catalog = createDatasetCatalog(options.registry, defaultDataContext(env));
  const sessions = new Set<McpServer>();
  return {
    createSession() {
      const server = new McpServer(
        { name: 'passk', version: options.version },
        {
          instructions:
            'passk evaluates code: list_datasets and get_problem find problems, check_solution runs a program against visible or hidden tests in a sandbox, start_run/get_run run whole evaluations (pass@k).',
        },
      );
      registerListDatasets(server, catalog);
      registerGetProblem(server, catalog);
      registerDatasetResources(server, catalog);
      sessions.add(server);
      server.server.onclose = () => sessions.delete(server);
      return server;
    },
    async close() {
      await Promise.all([...sessions].map((server) => server.close()));
    },
  };
}
