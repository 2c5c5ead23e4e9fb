import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request was refused before reaching the MCP transport: HTTP status and message. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly message: string;
}

/** What a request must match: the bearer token and the host names the server answers to. */
export interface HttpGuardOptions {
  readonly token: string;
  /** `host:port` values accepted in `Host` (and, as `http://host:port`, in `Origin`). */
  readonly allowedHosts: readonly string[];
}

/**
 * Checks a request against DNS rebinding (its `Host` must be one of ours; an `Origin`, when
 * sent, must be `http://` one of ours) and for the bearer token (compared in constant time).
 * Returns the refusal, or undefined when the request may pass.
 */
export function checkRequest(
  request: IncomingMessage,
  options: HttpGuardOptions,
): Refusal | undefined {
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !options.allowedHosts.includes(host))
    return { status: 403, message: `forbidden Host header '${host ?? ''}'` };
  const origin = request.headers.origin?.toLowerCase();
  if (
    origin !== undefined &&
    !options.allowedHosts.some((allowed) => origin === `http://${allowed}`)
  )
    return { status: 403, message: `forbidden Origin header '${origin}'` };
  const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const expected = Buffer.from(options.token);
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return {
      status: 401,
      message: 'missing or wrong bearer token (Authorization: Bearer <PASSK_MCP_TOKEN>)',
    };
  return undefined;
}

/** The `host:port` spellings a server bound to `host` on `port` answers to. */
export function allowedHostsFor(host: string, port: number): string[] {
  const names = new Set([host, 'localhost', '127.0.0.1', '[::1]']);
  if (host === '0.0.0.0' || host === '::') names.delete(host);
  if (host.includes(':') && !host.startsWith('[')) {
    names.delete(host);
    names.add(`[${host}]`);
  }
  return [...names].map((name) => `${name}:${port}`.toLowerCase());
}
