import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { PasskMcpServer } from '../create-passk-mcp-server.ts';
import { allowedHostsFor, checkRequest } from './http-guard.ts';

/** Largest request body accepted, in bytes (a program under test travels in one). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Options of {@link serveHttp}. */
export interface ServeHttpOptions {
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Bearer token every request must carry. Default: a random one (see `HttpServing.token`). */
  readonly token?: string;
  /** Extra `host:port` values accepted in `Host`/`Origin` (behind a proxy). */
  readonly allowedHosts?: readonly string[];
}

/** A running Streamable HTTP endpoint. */
export interface HttpServing {
  /** `http://host:port/mcp`. */
  readonly url: string;
  /** The bearer token clients must send. */
  readonly token: string;
  /** Open sessions (one per client). */
  readonly sessions: () => number;
  /** Closes every session and the listening socket. */
  close(): Promise<void>;
}

/**
 * Serves `server` over Streamable HTTP at `/mcp`: one MCP session per client (created by its
 * `initialize` request, addressed by the `Mcp-Session-Id` header), every request checked for
 * the bearer token and against DNS rebinding (`Host`/`Origin`) before the transport sees it.
 */
export async function serveHttp(
  server: PasskMcpServer,
  options: ServeHttpOptions,
): Promise<HttpServing> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const transports = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] = [];
  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, `internal error: ${String(error)}`);
      else response.end();
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const refusal = checkRequest(request, { token, allowedHosts });
    if (refusal) {
      if (refusal.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      return reply(response, refusal.status, refusal.message);
    }
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/mcp')
      return reply(response, 404, 'not found: the MCP endpoint is /mcp');
    const sessionId = request.headers['mcp-session-id'];
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    if (body instanceof Error) return reply(response, 400, body.message);
    if (typeof sessionId === 'string') {
      const transport = transports.get(sessionId);
      if (!transport) return reply(response, 404, `unknown session '${sessionId}'`);
      return transport.handleRequest(request, response, body);
    }
    if (request.method !== 'POST' || !isInitializeRequest(body))
      return reply(response, 400, 'no Mcp-Session-Id: the first request must be initialize');
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) transports.delete(transport.sessionId);
    };
    await server.createSession().connect(transport);
    await transport.handleRequest(request, response, body);
  };
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  allowedHosts = [...allowedHostsFor(host, port), ...(options.allowedHosts ?? [])];
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/mcp`,
    token,
    sessions: () => transports.size,
    async close() {
      await Promise.all([...transports.values()].map((transport) => transport.close()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return new Error('request body is not JSON');
  }
}
