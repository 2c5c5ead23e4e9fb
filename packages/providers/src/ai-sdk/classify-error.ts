import type { ProviderFailure } from '@passk/core';
import { retryAfterMs } from './rate-limit-headers.ts';

interface ErrorFields {
  readonly name?: string;
  readonly message?: string;
  readonly statusCode?: number;
  readonly responseHeaders?: Record<string, string>;
  readonly responseBody?: string;
  readonly isRetryable?: boolean;
  readonly lastError?: unknown;
  readonly cause?: unknown;
}

/** `ai` SDK error names whose meaning is "the answer could not be read". */
const MALFORMED = new Set([
  'AI_JSONParseError',
  'AI_TypeValidationError',
  'AI_InvalidResponseDataError',
  'AI_EmptyResponseBodyError',
  'AI_NoContentGeneratedError',
  'AI_NoOutputGeneratedError',
]);

/**
 * Classifies an error thrown by the `ai` SDK (or by fetch) into a `ProviderFailure`, from
 * its fields (`name`, `statusCode`, headers), never from its message: 429 is `rate_limit`
 * (with the wait the headers or a Google `RetryInfo` ask for), 408 `timeout`, 5xx and 529
 * `server`, 401/403 `authentication`, other 4xx `invalid_request`, unreadable answers
 * `malformed_response`, everything else (resets, refused connections) `network`.
 */
export function classifyError(error: unknown): ProviderFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as ErrorFields;
  if (fields.name === 'AI_RetryError' && fields.lastError !== undefined)
    return classifyError(fields.lastError);
  if (fields.name === 'AI_NoOutputGeneratedError' && fields.cause !== undefined)
    return classifyError(fields.cause);
  const message = describe(error);
  const status = fields.statusCode;
  // A 2xx whose body could not be parsed (the SDK reports it with the answer's status).
  if (status !== undefined && status >= 200 && status < 300)
    return { class: 'malformed_response', message, retryable: true, statusCode: status };
  if (status !== undefined) {
    const base = { message, statusCode: status };
    if (status === 429) {
      const wait = retryAfterMs(fields.responseHeaders) ?? googleRetryDelayMs(fields.responseBody);
      return {
        ...base,
        class: 'rate_limit',
        retryable: true,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      };
    }
    if (status === 408) return { ...base, class: 'timeout', retryable: true };
    if (status >= 500 || status === 529) {
      const wait = retryAfterMs(fields.responseHeaders);
      return {
        ...base,
        class: 'server',
        retryable: true,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      };
    }
    if (status === 401 || status === 403)
      return { ...base, class: 'authentication', retryable: false };
    return { ...base, class: 'invalid_request', retryable: false };
  }
  if (fields.name !== undefined && MALFORMED.has(fields.name))
    return { class: 'malformed_response', message, retryable: true };
  if (fields.name === 'AbortError' || fields.name === 'TimeoutError')
    return { class: 'timeout', message, retryable: true };
  return { class: 'network', message, retryable: true };
}

/** Google puts the wait in the error body: `details[].retryDelay` such as `"17s"`. */
function googleRetryDelayMs(body: string | undefined): number | undefined {
  const match = body ? /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body) : null;
  return match ? Number(match[1]) * 1000 : undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const text = `${error.message}${cause && !error.message.includes(cause.slice(2)) ? cause : ''}`;
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
