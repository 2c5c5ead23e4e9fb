import { type Registry, SANDBOX_MODES, type SandboxMode, UsageError } from '@passk/core';
import { createPasskMcpServer, type StartPasskRun, serveHttp, serveStdio } from '@passk/mcp';
import { MCP_HELP } from '../help/mcp-help.ts';
import { type Command, log } from '../io.ts';
import { parseOptions, parsePositiveInteger, usageError } from '../parse-options.ts';
import { evaluate, run } from '../sdk/index.ts';
import { PASSK_VERSION } from '../version.ts';

/**
 * `passk mcp`: passk as an MCP server, over stdio (default) or Streamable HTTP (`--http`).
 * Serves until the client disconnects (stdio) or the process is interrupted; then stops its
 * runs (resumable) and exits 0.
 */
export const mcpCommand: Command = async (argv, registry, io) => {
  const { values, positionals } = parseOptions(
    argv,
    {
      http: { type: 'string' },
      'runs-dir': { type: 'string' },
      'max-runs': { type: 'string' },
      workers: { type: 'string' },
      sandbox: { type: 'string' },
    },
    MCP_HELP,
  );
  if (positionals.length > 0) throw usageError(MCP_HELP, `unexpected argument '${positionals[0]}'`);
  const address = values.http === undefined ? undefined : parseAddress(values.http);
  const sandbox = (values.sandbox ?? 'bwrap') as SandboxMode;
  if (!SANDBOX_MODES.includes(sandbox))
    throw new UsageError({ message: `--sandbox expects bwrap or none, got '${values.sandbox}'` });
  const maxRuns = parsePositiveInteger(values['max-runs'], '--max-runs');
  const workers = parsePositiveInteger(values.workers, '--workers');
  const server = createPasskMcpServer({
    registry,
    version: PASSK_VERSION,
    env: io.env,
    cwd: io.cwd,
    startRun: startPasskRun(registry),
    sandbox,
    ...(values['runs-dir'] ? { runsDirectory: values['runs-dir'] } : {}),
    ...(maxRuns ? { maxConcurrentRuns: maxRuns } : {}),
    ...(workers ? { maxConcurrentExecutions: workers } : {}),
    logger: {
      info: (message) => log(io, message),
      warn: (message) => log(io, `warning: ${message}`),
    },
  });
  try {
    if (address === undefined) {
      await serveStdio(server, { signal: io.signal });
      return 0;
    }
    const token = io.env.PASSK_MCP_TOKEN || undefined;
    const serving = await serveHttp(server, { ...address, ...(token ? { token } : {}) });
    log(io, `passk mcp: serving Streamable HTTP at ${serving.url}`);
    log(
      io,
      token
        ? 'passk mcp: clients authenticate with the bearer token in PASSK_MCP_TOKEN'
        : `passk mcp: bearer token (set PASSK_MCP_TOKEN to choose one): ${serving.token}`,
    );
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    log(io, 'passk mcp: stopping (runs in progress stop and resume when started again)');
    await serving.close();
    return 0;
  } finally {
    await server.close();
  }
};

/** The SDK's `run()` (a model) or `evaluate()` (a samples file) for `start_run`. */
export function startPasskRun(registry: Registry): StartPasskRun {
  return (request) => {
    const common = {
      dataset: request.dataset,
      registry,
      out: request.out,
      workers: request.workers,
      env: request.env,
      cwd: request.cwd,
      ...(request.k ? { k: request.k } : {}),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
    };
    if (request.samples !== undefined) return evaluate({ ...common, samples: request.samples });
    return run({
      ...common,
      model: request.model as string,
      ...(request.n === undefined ? {} : { n: request.n }),
      ...(request.limit === undefined ? {} : { limit: request.limit }),
      ...(request.tasks ? { tasks: request.tasks } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    });
  };
}

/** `[host:]port` → host (default 127.0.0.1) and port; throws `UsageError` otherwise. */
export function parseAddress(text: string): { host: string; port: number } {
  const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d+)$/.exec(text);
  const port = match ? Number(match[2]) : Number.NaN;
  if (!match || port > 65_535)
    throw new UsageError({
      message: `--http expects [host:]port (e.g. 8765 or 127.0.0.1:8765), got '${text}'`,
    });
  const host = match[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1';
  return { host, port };
}
