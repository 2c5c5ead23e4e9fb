import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { PasskMcpServer } from '../create-passk-mcp-server.ts';

/**
 * Serves one session of `server` over stdin/stdout (stdout carries protocol messages only).
 * Resolves when the client closes the connection (stdin ends) or `signal` aborts.
 */
export async function serveStdio(
  server: PasskMcpServer,
  options: {
    readonly stdin?: NodeJS.ReadableStream;
    readonly stdout?: NodeJS.WritableStream;
    readonly signal?: AbortSignal;
  } = {},
): Promise<void> {
  const stdin = (options.stdin ?? process.stdin) as typeof process.stdin;
  const transport = new StdioServerTransport(stdin, options.stdout as typeof process.stdout);
  const session = server.createSession();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    stdin.once('end', resolve);
    stdin.once('close', resolve);
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await session.connect(transport);
  await closed;
  await session.close();
}
