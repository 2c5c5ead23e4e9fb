import type { Generation, Provider, ProviderFailure } from '../../spec/provider.ts';
import type { AdaptiveGate } from '../adaptive-gate.ts';
import { costOfUsage } from '../cost.ts';
import type { CostBudget } from '../cost-budget.ts';
import type { RunEvent, RunStopReason } from '../events.ts';
import { callWithTimeout, sleep } from '../request-control.ts';
import { type RetryPolicy, retryDelayMs } from '../retry-delay.ts';

/** What a provider answers (a generation or an agent turn), as far as sending it is concerned. */
type ModelAnswer = Pick<Generation, 'latencyMs' | 'error' | 'rateLimit' | 'usage' | 'costUsd'>;

/** The run's settings for model requests, shared by all its requests. */
export interface RequestSettings {
  readonly gate: AdaptiveGate;
  readonly retry: RetryPolicy;
  /** Per-request time limit in milliseconds (absent: none). */
  readonly requestTimeoutMs?: number;
  /** Spending limit; a request that could exceed it is not sent. */
  readonly budget?: CostBudget;
  readonly signal?: AbortSignal;
  readonly emit: (event: RunEvent) => void;
}

/** The settings and the state the requests of one requester share. */
export interface RequestControls extends RequestSettings {
  /** Set once a request's credentials were rejected (401/403): no further request is sent. */
  readonly credentials: { rejected: boolean };
}

/** One model request of a sample. */
export interface ModelRequest<T> {
  readonly taskId: string;
  readonly sampleIndex: number;
  readonly price: Provider['price'];
  /** Reserved from the budget before sending, settled against the actual cost after. */
  readonly worstCostUsd: number;
  /** Sends the request once; `signal` ends it at the time limit or on abort. */
  readonly send: (signal: AbortSignal) => Promise<T>;
  /** The answer of a request that ended without the provider's (time-out). */
  readonly failed: (error: ProviderFailure, latencyMs: number) => T;
  /** `performance.now()` by which the request must end: caps each try's time, stops retries. */
  readonly deadline?: number;
}

/** What sending gave: the final answer (with its cost) and the tries it took, or a stop. */
export type ModelRequestOutcome<T> =
  | { readonly answer: T; readonly attempts: number }
  | { readonly stopped: RunStopReason };

/**
 * Sends one model request under the run's controls: through the adaptive gate, with the
 * per-request time limit, the cost budget (worst case reserved before sending, actual cost
 * settled after) and retries with back-off for retryable failures only. A failure that survives
 * the retries is the answer; an abort, the cost limit or rejected credentials are a stop.
 */
export async function sendModelRequest<T extends ModelAnswer>(
  controls: RequestControls,
  request: ModelRequest<T>,
): Promise<ModelRequestOutcome<T>> {
  const { gate, budget, signal, credentials } = controls;
  if (credentials.rejected) return { stopped: 'credentials-rejected' };
  if (budget?.exhausted) return { stopped: 'cost-limit' };
  const worst = request.worstCostUsd;
  let reserved = false;
  let answer: T | undefined;
  let attempts = 0;
  try {
    for (;;) {
      if (signal?.aborted) return { stopped: 'aborted' };
      await gate.acquire(signal);
      if (credentials.rejected) {
        gate.release({ cancelled: true });
        return { stopped: 'credentials-rejected' };
      }
      // Reserve when the request is about to be sent, so that spending in flight is bounded.
      if (budget && !reserved) {
        if (!budget.reserve(worst)) {
          gate.release({ cancelled: true });
          return { stopped: 'cost-limit' };
        }
        reserved = true;
      }
      attempts++;
      const result = await callWithTimeout(
        request.send,
        request.failed,
        timeLimitMs(controls.requestTimeoutMs, request.deadline),
        signal,
      );
      gate.release({
        ...(result.error ? { failure: result.error } : {}),
        ...(result.rateLimit ? { rateLimit: result.rateLimit } : {}),
      });
      if (signal?.aborted) return { stopped: 'aborted' };
      answer = result;
      if (result.error?.class === 'authentication') credentials.rejected = true;
      const failure = result.error;
      if (!failure?.retryable || attempts > controls.retry.maxRetries) break;
      const delayMs = retryDelayMs(attempts, failure, controls.retry);
      if (request.deadline !== undefined && performance.now() + delayMs >= request.deadline) break;
      controls.emit({
        type: 'generation-retry',
        taskId: request.taskId,
        sampleIndex: request.sampleIndex,
        attempt: attempts,
        errorClass: failure.class,
        delayMs,
      });
      await sleep(delayMs, signal);
    }
  } catch (error) {
    if (signal?.aborted) return { stopped: 'aborted' };
    throw error;
  } finally {
    if (budget && reserved) {
      const usage = answer?.error ? undefined : answer?.usage;
      const actual =
        answer?.costUsd ??
        (usage && request.price
          ? costOfUsage(usage, request.price)
          : answer && !answer.error
            ? worst
            : 0);
      budget.settle(worst, actual);
    }
  }
  return { answer: withCost(answer as T, request.price), attempts };
}

/** The time limit of one try: the per-request limit, cut to what is left before the deadline. */
function timeLimitMs(requestTimeoutMs: number | undefined, deadline: number | undefined) {
  if (deadline === undefined) return requestTimeoutMs;
  const left = Math.max(1, Math.round(deadline - performance.now()));
  return Math.min(left, requestTimeoutMs ?? left);
}

/** The answer with its cost from its usage and the price, where the provider gave none. */
function withCost<T extends ModelAnswer>(answer: T, price: Provider['price']): T {
  if (answer.costUsd !== undefined || !answer.usage || !price || answer.error) return answer;
  return { ...answer, costUsd: costOfUsage(answer.usage, price) };
}
