import type { ProviderFailure } from '../spec/provider.ts';

/** What a model request returns at least: its latency and, on failure, the error. */
export interface RequestOutcome {
  readonly latencyMs: number;
  readonly error?: ProviderFailure;
}

/**
 * Calls `call` with a signal aborted by `runSignal` or after `timeoutMs` (absent: no limit).
 * A timeout resolves with `failed` of a retryable `timeout` failure, a call that throws with
 * `failed` of a retryable `network` failure (providers return failures; one that throws is
 * classified as a network fault). Never throws.
 */
export async function callWithTimeout<T extends RequestOutcome>(
  call: (signal: AbortSignal) => Promise<T>,
  failed: (error: ProviderFailure, latencyMs: number) => T,
  timeoutMs: number | undefined,
  runSignal: AbortSignal | undefined,
): Promise<T> {
  // One controller per request, aborted by the timeout or by the run (cheaper than AbortSignal.any).
  const controller = new AbortController();
  const signal = controller.signal;
  const forwardAbort = () => controller.abort(runSignal?.reason);
  if (runSignal?.aborted) forwardAbort();
  else runSignal?.addEventListener('abort', forwardAbort, { once: true });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<T>((resolve) => {
    if (timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort(new Error('request timed out'));
      resolve(
        failed(
          {
            class: 'timeout',
            message: `no complete answer within ${timeoutMs} ms`,
            retryable: true,
          },
          elapsed(),
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(signal), timedOut]);
  } catch (cause) {
    return failed(
      { class: 'network', message: (cause as Error)?.message ?? String(cause), retryable: true },
      elapsed(),
    );
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener('abort', forwardAbort);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
