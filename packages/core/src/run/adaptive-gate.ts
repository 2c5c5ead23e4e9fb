import type { ProviderFailure, RateLimitInfo } from '../spec/provider.ts';

/** Admission control for generation requests: a concurrency limit that adapts to rate limits. */
export interface AdaptiveGate {
  /**
   * Resolves when a request may start (fewer than `limit` in flight and no pause in force).
   * Rejects with the signal's reason when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Ends a request started with `acquire`, reporting how it went. */
  release(outcome: GateOutcome): void;
  /** Current concurrency limit. */
  readonly limit: number;
  /** Times the limit was lowered because of rate limiting. */
  readonly throttles: number;
}

/** What a finished request tells the gate. */
export interface GateOutcome {
  /** True when the slot was given back without sending a request. */
  readonly cancelled?: boolean;
  readonly failure?: ProviderFailure;
  readonly rateLimit?: RateLimitInfo;
}

/** Options of `createAdaptiveGate`. */
export interface AdaptiveGateOptions {
  /** Most requests in flight (the `--concurrency`). */
  readonly maxConcurrency: number;
  /** Pause after a 429 that named no delay, in milliseconds (default 1000). */
  readonly defaultPauseMs?: number;
  /** Clock, for tests (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Creates the gate. On a rate-limit failure every new request waits until the provider's
 * `Retry-After` (or rate-limit reset) has passed, and the concurrency limit is halved (at
 * most once per pause, never below 1); each run of `limit` successes raises it by one, back
 * to `maxConcurrency` (additive increase, multiplicative decrease). A response saying no
 * requests remain in the window pauses new requests until the window resets.
 */
export function createAdaptiveGate(options: AdaptiveGateOptions): AdaptiveGate {
  const now = options.now ?? Date.now;
  const defaultPauseMs = options.defaultPauseMs ?? 1000;
  let limit = options.maxConcurrency;
  let active = 0;
  let pausedUntil = 0;
  let lastDecrease = Number.NEGATIVE_INFINITY;
  let successes = 0;
  let throttles = 0;
  let timer: NodeJS.Timeout | undefined;
  const waiting: { resolve: () => void }[] = [];

  const pump = () => {
    const wait = pausedUntil - now();
    if (wait > 0) {
      if (!timer && waiting.length > 0) {
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, wait);
      }
      return;
    }
    while (active < limit && waiting.length > 0) {
      active++;
      waiting.shift()?.resolve();
    }
  };

  const pause = (ms: number) => {
    const until = now() + ms;
    if (until > pausedUntil) {
      pausedUntil = until;
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    }
  };

  return {
    acquire(signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const entry = {
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = waiting.indexOf(entry);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
        pump();
      });
    },
    release({ cancelled, failure, rateLimit }) {
      active--;
      if (cancelled) {
        // nothing was sent: no evidence either way
      } else if (failure?.class === 'rate_limit') {
        successes = 0;
        const pauseMs = failure.retryAfterMs ?? rateLimit?.resetMs ?? defaultPauseMs;
        // One decrease per pause: a burst of 429s from the same window counts once.
        if (now() >= lastDecrease + Math.max(pauseMs, 1)) {
          limit = Math.max(1, Math.floor(limit / 2));
          lastDecrease = now();
          throttles++;
        }
        pause(pauseMs);
      } else if (!failure) {
        if (rateLimit?.remainingRequests === 0 && rateLimit.resetMs !== undefined)
          pause(rateLimit.resetMs);
        successes++;
        if (successes >= limit && limit < options.maxConcurrency) {
          limit++;
          successes = 0;
        }
      }
      pump();
    },
    get limit() {
      return limit;
    },
    get throttles() {
      return throttles;
    },
  };
}
