import type { RateLimitInfo } from '@passk/core';

type Headers = Readonly<Record<string, string | undefined>>;

/**
 * The wait a response asks for before retrying, in milliseconds: `retry-after-ms` (OpenAI),
 * `retry-after` in seconds or as an HTTP date, or, for a 429 without those, the reset of the
 * exhausted rate-limit window. Undefined when the headers say nothing.
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (name: string) => headerValue(headers, name);
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const after = get('retry-after');
  if (after !== undefined) {
    const seconds = Number(after);
    if (after.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return rateLimitInfo(headers, now)?.resetMs;
}

/**
 * Rate-limit state from the usual headers: OpenAI's `x-ratelimit-remaining-requests` /
 * `x-ratelimit-reset-requests` (durations like `6m0s`, `20ms`) and Anthropic's
 * `anthropic-ratelimit-requests-remaining` / `-reset` (RFC 3339 times). Undefined when absent.
 */
export function rateLimitInfo(
  headers: Headers | undefined,
  now = Date.now(),
): RateLimitInfo | undefined {
  if (!headers) return undefined;
  const get = (name: string) => headerValue(headers, name);
  const number = (value: string | undefined) => {
    const parsed = Number(value);
    return value !== undefined && value.trim() !== '' && Number.isFinite(parsed)
      ? parsed
      : undefined;
  };
  const remainingRequests =
    number(get('x-ratelimit-remaining-requests')) ??
    number(get('anthropic-ratelimit-requests-remaining'));
  const remainingTokens =
    number(get('x-ratelimit-remaining-tokens')) ??
    number(get('anthropic-ratelimit-tokens-remaining'));
  const resets: number[] = [];
  for (const name of ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']) {
    const value = get(name);
    const ms = value === undefined ? undefined : parseDurationMs(value);
    if (ms !== undefined) resets.push(ms);
  }
  for (const name of ['anthropic-ratelimit-requests-reset', 'anthropic-ratelimit-tokens-reset']) {
    const value = get(name);
    const date = value === undefined ? Number.NaN : Date.parse(value);
    if (Number.isFinite(date)) resets.push(Math.max(0, date - now));
  }
  // The window that is exhausted decides when requests may resume.
  const exhausted = remainingRequests === 0 || remainingTokens === 0;
  const resetMs =
    resets.length === 0 ? undefined : exhausted ? Math.max(...resets) : Math.min(...resets);
  if (remainingRequests === undefined && remainingTokens === undefined && resetMs === undefined)
    return undefined;
  return {
    ...(remainingRequests === undefined ? {} : { remainingRequests }),
    ...(remainingTokens === undefined ? {} : { remainingTokens }),
    ...(resetMs === undefined ? {} : { resetMs }),
  };
}

/** Parses OpenAI's reset durations (`1s`, `6m0s`, `20ms`, `1h2m3.5s`) into milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(pattern)) {
    const value = Number(match[1]);
    const unit = match[2];
    total += value * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1);
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === trimmed.length ? total : undefined;
}

function headerValue(headers: Headers, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
