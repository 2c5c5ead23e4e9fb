import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fixture } from './fixtures.ts';
import {
  type FakeAnswer,
  type FakeRequest,
  type Protocol,
  readRequest,
  responseBody,
  streamEvents,
} from './protocols.ts';

/** A fault the server injects instead of (or in the middle of) an answer. */
export type Fault =
  /** 429 with the protocol's rate-limit headers and body, and `Retry-After` (seconds, default 1). */
  | { readonly kind: 'rate_limit'; readonly retryAfterSeconds?: number }
  /** A 5xx with the protocol's error body (default 500). */
  | { readonly kind: 'server'; readonly status?: number }
  /** Reads the request and never answers. */
  | { readonly kind: 'hang' }
  /** Streams part of the answer, then goes silent with the connection open. */
  | { readonly kind: 'stall' }
  /** Destroys the connection without an answer (ECONNRESET on the client). */
  | { readonly kind: 'reset' }
  /** Answers 200 with a body that is not valid JSON (or a broken SSE event). */
  | { readonly kind: 'malformed' };

/** Options of `startFakeModelServer`. */
export interface FakeModelServerOptions {
  /** The model's answer to a request (default: a fixed Python body). */
  readonly answer?: (request: FakeRequest) => Partial<FakeAnswer> & { readonly text: string };
  /**
   * The fault for a request, given how many earlier requests had the same key (prompt,
   * system, prefill, seed, model, protocol); undefined answers normally.
   */
  readonly fault?: (request: FakeRequest, attempt: number) => Fault | undefined;
  /** Delay before answering, in milliseconds (default 0). */
  readonly latencyMs?: number;
  /** Text pieces per streamed answer (default 4). */
  readonly streamPieces?: number;
}

/** Counters of what the server saw. */
export interface FakeServerStats {
  requests: number;
  answered: number;
  faults: Record<string, number>;
  /** Most requests in flight at once. */
  peakInFlight: number;
  /** Sum over requests of the time from arrival to the end of the answer, in milliseconds. */
  busyMs: number;
  /** `performance.now()` of the first request and of the last completed answer. */
  firstRequestAt?: number;
  lastAnswerAt?: number;
  byProtocol: Record<string, number>;
}

/** A running fake server. */
export interface FakeModelServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Base URL per provider kind, as `--base-url` takes it. */
  readonly baseUrls: {
    readonly openai: string;
    readonly anthropic: string;
    readonly google: string;
    readonly 'openai-compatible': string;
    readonly ollama: string;
  };
  readonly stats: FakeServerStats;
  /** Every request read, in arrival order. */
  readonly requests: FakeRequest[];
  /** Stops listening and destroys open connections (hung ones included). */
  close(): Promise<void>;
}

/** The key that groups retries of the same request. */
export function requestKey(request: FakeRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.protocol,
        request.model,
        request.system,
        request.prompt,
        request.prefill,
        request.seed,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
}

const DEFAULT_ANSWER = { text: '    return 0\n' };

/**
 * Starts an HTTP server on 127.0.0.1 (random port) that speaks the wire protocols of OpenAI
 * (chat completions, responses, legacy completions), Anthropic messages, Google
 * generateContent / streamGenerateContent and Ollama chat / generate, streaming (SSE, NDJSON)
 * and not, with bodies copied from the recorded fixtures, and injects faults on demand.
 */
export async function startFakeModelServer(
  options: FakeModelServerOptions = {},
): Promise<FakeModelServer> {
  const sockets = new Set<Socket>();
  const attempts = new Map<string, number>();
  const requests: FakeRequest[] = [];
  const stats: FakeServerStats = {
    busyMs: 0,
    requests: 0,
    answered: 0,
    faults: {},
    peakInFlight: 0,
    byProtocol: {},
  };
  let inFlight = 0;

  const server = createServer(async (incoming, response) => {
    const route = routeOf(incoming);
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { message: `no route ${incoming.method} ${incoming.url}` } }),
      );
      return;
    }
    stats.requests++;
    stats.firstRequestAt ??= performance.now();
    inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
    let finished = false;
    const arrived = performance.now();
    const done = () => {
      if (finished) return;
      finished = true;
      inFlight--;
      stats.busyMs += performance.now() - arrived;
    };
    response.on('close', done);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(incoming)) as Record<string, unknown>;
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"request body is not JSON"}}');
      return;
    }
    const stream =
      route.stream ??
      (route.protocol.startsWith('ollama') ? body.stream !== false : body.stream === true);
    const request = readRequest(
      route.protocol,
      body,
      route.model ?? String(body.model ?? ''),
      stream,
    );
    requests.push(request);
    stats.byProtocol[route.protocol] = (stats.byProtocol[route.protocol] ?? 0) + 1;
    const key = requestKey(request);
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const fault = options.fault?.(request, attempt);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (fault) {
      stats.faults[fault.kind] = (stats.faults[fault.kind] ?? 0) + 1;
      if (fault.kind !== 'stall') {
        injectFault(fault, request, response);
        return;
      }
    }
    const produced: Partial<FakeAnswer> & { readonly text: string } = (
      options.answer ?? (() => DEFAULT_ANSWER)
    )(request);
    const answer: FakeAnswer = {
      inputTokens: Math.max(
        1,
        Math.ceil(((request.system ?? '').length + request.prompt.length) / 4),
      ),
      outputTokens: Math.max(
        1,
        Math.ceil((produced.text.length + JSON.stringify(produced.toolCalls ?? []).length) / 4),
      ),
      ...produced,
    };
    if (!stream) {
      response.writeHead(200, { 'content-type': 'application/json', ...okHeaders(route.protocol) });
      response.end(JSON.stringify(responseBody(request, answer)));
      stats.answered++;
      stats.lastAnswerAt = performance.now();
      return;
    }
    const events = streamEvents(request, answer, split(answer.text, options.streamPieces ?? 4));
    const ndjson = route.protocol.startsWith('ollama');
    response.writeHead(200, {
      'content-type': ndjson ? 'application/x-ndjson' : 'text/event-stream',
      'cache-control': 'no-cache',
      ...okHeaders(route.protocol),
    });
    for (const [index, event] of events.entries()) {
      if (fault?.kind === 'stall' && index === Math.floor(events.length / 2)) return; // silent, open
      const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
      response.write(
        ndjson ? `${data}\n` : `${event.event ? `event: ${event.event}\n` : ''}data: ${data}\n\n`,
      );
    }
    response.end();
    stats.answered++;
    stats.lastAnswerAt = performance.now();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrls: {
      openai: `${url}/v1`,
      anthropic: `${url}/v1`,
      google: `${url}/v1beta`,
      'openai-compatible': `${url}/v1`,
      ollama: `${url}/api`,
    },
    stats,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function routeOf(
  request: IncomingMessage,
): { protocol: Protocol; model?: string; stream?: boolean } | undefined {
  if (request.method !== 'POST' || !request.url) return undefined;
  const url = new URL(request.url, 'http://localhost');
  const path = url.pathname;
  if (path.endsWith('/chat/completions')) return { protocol: 'openai-chat' };
  if (path.endsWith('/responses')) return { protocol: 'openai-responses' };
  if (path.endsWith('/completions')) return { protocol: 'openai-completions' };
  if (path.endsWith('/messages')) return { protocol: 'anthropic-messages' };
  const google = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
  if (google)
    return {
      protocol: 'google-generate-content',
      model: decodeURIComponent(google[1] as string),
      stream: google[2] === 'streamGenerateContent',
    };
  if (path.endsWith('/api/chat')) return { protocol: 'ollama-chat' };
  if (path.endsWith('/api/generate')) return { protocol: 'ollama-generate' };
  return undefined;
}

function family(protocol: Protocol): 'openai' | 'anthropic' | 'google' | 'ollama' {
  if (protocol.startsWith('anthropic')) return 'anthropic';
  if (protocol.startsWith('google')) return 'google';
  if (protocol.startsWith('ollama')) return 'ollama';
  return 'openai';
}

function okHeaders(protocol: Protocol): Record<string, string> {
  if (family(protocol) === 'openai')
    return { 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms' };
  if (family(protocol) === 'anthropic') return { 'anthropic-ratelimit-requests-remaining': '49' };
  return {};
}

function injectFault(fault: Fault, request: FakeRequest, response: ServerResponse): void {
  // biome-ignore lint/suspicious/noExplicitAny: error fixtures are read by path
  const errors = fixture('errors')[family(request.protocol)] as Record<string, any>;
  switch (fault.kind) {
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'retry-after': String(seconds),
        ...errors.rateLimit.headers,
      };
      if (headers['anthropic-ratelimit-requests-remaining'] !== undefined)
        headers['anthropic-ratelimit-requests-reset'] = new Date(
          Date.now() + seconds * 1000,
        ).toISOString();
      const body = structuredClone(errors.rateLimit.body);
      if (body.error?.details) body.error.details[0].retryDelay = `${seconds}s`;
      response.writeHead(429, headers);
      response.end(JSON.stringify(body));
      return;
    }
    case 'server':
      response.writeHead(fault.status ?? 500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(errors.server.body));
      return;
    case 'hang':
    case 'stall':
      return;
    case 'reset':
      response.socket?.destroy();
      return;
    case 'malformed':
      if (request.stream) {
        const ndjson = request.protocol.startsWith('ollama');
        response.writeHead(200, {
          'content-type': ndjson ? 'application/x-ndjson' : 'text/event-stream',
        });
        response.end(
          ndjson
            ? '{"model": "x", "message": {"content": "pa\n'
            : 'data: {"id": "chatcmpl-1", "choices": [{"delta": {"content": "pa\n\n',
        );
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id": "truncated", "choices": [{"message": {"content": "def f(');
      }
      return;
  }
}

function split(text: string, pieces: number): string[] {
  if (text.length === 0) return [''];
  const size = Math.max(1, Math.ceil(text.length / pieces));
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size)
    parts.push(text.slice(start, start + size));
  return parts;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
