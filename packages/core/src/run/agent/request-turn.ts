import { hashJson } from '../../io/hash.ts';
import type { AgentTurn, AgentTurnRequest } from '../../spec/agent.ts';
import type { ModelPrompt, Provider, ProviderFailure } from '../../spec/provider.ts';
import type { GenerationCache } from '../../store/generation-cache.ts';
import type { AdaptiveGate } from '../adaptive-gate.ts';
import { costOfUsage, worstCaseCostUsd } from '../cost.ts';
import type { CostBudget } from '../cost-budget.ts';
import type { RunEvent, RunStopReason } from '../events.ts';
import { callWithTimeout, sleep } from '../request-control.ts';
import { type RetryPolicy, retryDelayMs } from '../retry-delay.ts';

/** Everything `createTurnRequester` needs (shared by every attempt of a run). */
export interface TurnRequesterOptions {
  readonly provider: Provider & Required<Pick<Provider, 'respond'>>;
  readonly gate: AdaptiveGate;
  readonly retry: RetryPolicy;
  /** Per-request time limit in milliseconds (absent: none). */
  readonly requestTimeoutMs?: number;
  readonly cache?: GenerationCache;
  readonly budget?: CostBudget;
  readonly signal?: AbortSignal;
  readonly emit: (event: RunEvent) => void;
}

/** One turn to request: the provider's request without its signal, with the attempt's deadline. */
export interface TurnRequest extends Omit<AgentTurnRequest, 'signal'> {
  /** `performance.now()` by which the attempt must end: caps the request's time, stops retries. */
  readonly deadline?: number;
}

/** What one turn request gave. */
export type TurnOutcome =
  | {
      readonly turn: AgentTurn;
      readonly cached: boolean;
      /** Requests made (retries included; 0 from the cache). */
      readonly attempts: number;
    }
  | { readonly stopped: RunStopReason };

/**
 * Returns a function that asks the provider for one agent turn, as one-shot generation asks
 * for a sample: from the generation cache (keyed by the whole conversation, tools, sampling
 * and attempt), or through the adaptive gate, with a per-request timeout, the cost budget
 * (worst case reserved before sending, actual cost settled after) and retries with back-off
 * for retryable failures only. A failure that survives the retries comes back as a turn with
 * `error`; a stop (abort, cost limit, rejected credentials) as `stopped`. Never throws.
 */
export function createTurnRequester(
  options: TurnRequesterOptions,
): (request: TurnRequest) => Promise<TurnOutcome> {
  const { provider, budget, signal } = options;
  let credentialsRejected = false;
  return async (request) => {
    if (signal?.aborted) return { stopped: 'aborted' };
    const cache = provider.cacheable ? options.cache : undefined;
    const key = !cache
      ? ''
      : hashJson({
          agent: 1,
          provider: provider.id,
          model: provider.model,
          endpoint: provider.endpoint ?? {},
          system: request.system,
          messages: request.messages,
          tools: request.tools,
          sampling: request.sampling,
          sampleIndex: request.sampleIndex,
          turn: request.turn,
        });
    const hit = cache?.get(key) as AgentTurn | undefined;
    if (hit && Array.isArray(hit.toolCalls)) return { turn: hit, cached: true, attempts: 0 };
    if (credentialsRejected) return { stopped: 'credentials-rejected' };
    if (budget?.exhausted) return { stopped: 'cost-limit' };
    const price = provider.price;
    const worst =
      budget && price && request.sampling.maxTokens !== undefined
        ? worstCaseCostUsd(asPrompt(request), request.sampling.maxTokens, price)
        : 0;
    let reserved = false;
    let turn: AgentTurn | undefined;
    let attempts = 0;
    try {
      for (;;) {
        if (signal?.aborted) return { stopped: 'aborted' };
        await options.gate.acquire(signal);
        if (credentialsRejected) {
          options.gate.release({ cancelled: true });
          return { stopped: 'credentials-rejected' };
        }
        if (budget && !reserved) {
          if (!budget.reserve(worst)) {
            options.gate.release({ cancelled: true });
            return { stopped: 'cost-limit' };
          }
          reserved = true;
        }
        attempts++;
        const { deadline, ...turnRequest } = request;
        const left =
          deadline === undefined
            ? undefined
            : Math.max(1, Math.round(deadline - performance.now()));
        const timeoutMs =
          left === undefined
            ? options.requestTimeoutMs
            : Math.min(left, options.requestTimeoutMs ?? left);
        const result = await callWithTimeout(
          (requestSignal) => provider.respond({ ...turnRequest, signal: requestSignal }),
          failedTurn,
          timeoutMs,
          signal,
        );
        options.gate.release({
          ...(result.error ? { failure: result.error } : {}),
          ...(result.rateLimit ? { rateLimit: result.rateLimit } : {}),
        });
        if (signal?.aborted) return { stopped: 'aborted' };
        turn = result;
        if (result.error?.class === 'authentication') credentialsRejected = true;
        const failure = result.error;
        if (!failure?.retryable || attempts > options.retry.maxRetries) break;
        const delayMs = retryDelayMs(attempts, failure, options.retry);
        if (request.deadline !== undefined && performance.now() + delayMs >= request.deadline)
          break;
        options.emit({
          type: 'generation-retry',
          taskId: request.problem.id,
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
        const usage = turn?.error ? undefined : turn?.usage;
        const actual =
          turn?.costUsd ??
          (usage && price ? costOfUsage(usage, price) : turn && !turn.error ? worst : 0);
        budget.settle(worst, actual);
      }
    }
    const final = withCost(turn as AgentTurn, price);
    if (!final.error) await cache?.set(key, final);
    return { turn: final, cached: false, attempts };
  };
}

function failedTurn(error: ProviderFailure, latencyMs: number): AgentTurn {
  return { text: '', toolCalls: [], finishReason: 'error', latencyMs, error };
}

function withCost(turn: AgentTurn, price: Provider['price']): AgentTurn {
  if (turn.costUsd !== undefined || !turn.usage || !price || turn.error) return turn;
  return { ...turn, costUsd: costOfUsage(turn.usage, price) };
}

/** The conversation as a chat prompt, for the worst-case cost (tool calls counted as text). */
function asPrompt(request: TurnRequest): ModelPrompt {
  return {
    mode: 'chat',
    system: `${request.system}\n${JSON.stringify(request.tools)}`,
    messages: request.messages.map((message) => ({
      role: message.role === 'assistant' ? 'assistant' : 'user',
      content:
        message.role === 'assistant'
          ? message.content + JSON.stringify(message.toolCalls)
          : message.content,
    })),
  };
}
