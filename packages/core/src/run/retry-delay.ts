import type { ProviderFailure } from '../spec/provider.ts';

/** How failed generations are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 6). */
  readonly maxRetries: number;
  /** Delay before the first retry, doubled for each further one (default 1000 ms). */
  readonly baseDelayMs: number;
  /** Upper bound of one computed delay (default 60 000 ms); a longer `Retry-After` is still honoured. */
  readonly maxDelayMs: number;
}

/** Defaults of `RetryPolicy`. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

/**
 * Milliseconds to wait before retry number `retry` (1-based) after `failure`. A delay the
 * provider asked for (`Retry-After`, rate-limit reset) is honoured, plus up to 10% jitter so
 * that waiting requests do not return at the same instant; otherwise exponential back-off
 * with full jitter (uniform in [delay/2, delay]). `random` returns a number in [0, 1).
 */
export function retryDelayMs(
  retry: number,
  failure: ProviderFailure,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= 0) {
    return Math.round(failure.retryAfterMs * (1 + 0.1 * random()));
  }
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(delay / 2 + (delay / 2) * random());
}
