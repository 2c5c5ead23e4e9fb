import { describe, expect, it } from 'vitest';
import { classifyError } from '../src/ai-sdk/classify-error.ts';
import { parseDurationMs, rateLimitInfo, retryAfterMs } from '../src/ai-sdk/rate-limit-headers.ts';
import { lookupPrice } from '../src/pricing/price-table.ts';

const apiError = (
  statusCode: number | undefined,
  headers: Record<string, string> = {},
  body?: string,
) =>
  Object.assign(new Error(`status ${statusCode}`), {
    name: 'AI_APICallError',
    statusCode,
    responseHeaders: headers,
    responseBody: body,
    isRetryable: true,
  });

describe('classifyError', () => {
  it('reads classes from status codes and error names, never messages', () => {
    expect(classifyError(apiError(429, { 'retry-after': '7' }))).toMatchObject({
      class: 'rate_limit',
      retryAfterMs: 7000,
      retryable: true,
    });
    expect(classifyError(apiError(500))).toMatchObject({ class: 'server', retryable: true });
    expect(classifyError(apiError(529))).toMatchObject({ class: 'server', retryable: true });
    expect(classifyError(apiError(401))).toMatchObject({
      class: 'authentication',
      retryable: false,
    });
    expect(classifyError(apiError(400))).toMatchObject({
      class: 'invalid_request',
      retryable: false,
    });
    expect(classifyError(apiError(408))).toMatchObject({ class: 'timeout', retryable: true });
    expect(classifyError(apiError(200))).toMatchObject({
      class: 'malformed_response',
      retryable: true,
    });
    expect(
      classifyError(Object.assign(new Error('x'), { name: 'AI_JSONParseError' })),
    ).toMatchObject({ class: 'malformed_response' });
    expect(classifyError(new TypeError('fetch failed'))).toMatchObject({
      class: 'network',
      retryable: true,
    });
    expect(
      classifyError(
        Object.assign(new Error('retry'), { name: 'AI_RetryError', lastError: apiError(503) }),
      ),
    ).toMatchObject({ class: 'server', statusCode: 503 });
  });

  it("reads Google's RetryInfo from the error body", () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' }],
      },
    });
    expect(classifyError(apiError(429, {}, body))).toMatchObject({
      class: 'rate_limit',
      retryAfterMs: 17_000,
    });
  });
});

describe('rate-limit headers', () => {
  it('Retry-After in seconds, as a date, and retry-after-ms', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250' })).toBe(250);
    expect(retryAfterMs({ 'Retry-After': '3' })).toBe(3000);
    expect(retryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4000)).toBe(6000);
    expect(retryAfterMs({})).toBeUndefined();
  });

  it("OpenAI's and Anthropic's windows", () => {
    expect(parseDurationMs('6m0s')).toBe(360_000);
    expect(parseDurationMs('20ms')).toBe(20);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('soon')).toBeUndefined();
    expect(
      rateLimitInfo({
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '2s',
        'x-ratelimit-reset-tokens': '10ms',
      }),
    ).toEqual({ remainingRequests: 0, resetMs: 2000 });
    expect(
      rateLimitInfo(
        {
          'anthropic-ratelimit-requests-remaining': '3',
          'anthropic-ratelimit-requests-reset': new Date(5000).toISOString(),
        },
        1000,
      ),
    ).toEqual({ remainingRequests: 3, resetMs: 4000 });
  });
});

describe('prices', () => {
  it('known models, dated and -latest ids, unknown ones', () => {
    expect(lookupPrice('gpt-4o-mini-2024-07-18')).toMatchObject({ inputPerMillion: 0.15 });
    expect(lookupPrice('gpt-4o-2024-08-06')).toMatchObject({ inputPerMillion: 2.5 });
    expect(lookupPrice('claude-sonnet-4-20250514')).toMatchObject({ outputPerMillion: 15 });
    expect(lookupPrice('claude-3-5-haiku-latest')).toMatchObject({ inputPerMillion: 0.8 });
    expect(lookupPrice('models/gemini-2.5-flash')).toMatchObject({ outputPerMillion: 2.5 });
    expect(lookupPrice('gpt-4.1-mini')).toMatchObject({ inputPerMillion: 0.4 });
    expect(lookupPrice('my-finetune')).toBeUndefined();
    expect(lookupPrice('gpt-4o-custom')).toBeUndefined();
  });
});
