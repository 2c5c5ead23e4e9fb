import { hashJson } from '../../io/hash.ts';
import type { AgentTurn, AgentTurnRequest } from '../../spec/agent.ts';
import type { ModelPrompt, Provider, ProviderFailure } from '../../spec/provider.ts';
import type { GenerationCache } from '../../store/generation-cache.ts';
import { worstCaseCostUsd } from '../cost.ts';
import type { RunStopReason } from '../events.ts';
import {
  type RequestControls,
  type RequestSettings,
  sendModelRequest,
} from '../internal/send-model-request.ts';

/** Everything `createTurnRequester` needs (shared by every attempt of a run). */
export interface TurnRequesterOptions extends RequestSettings {
  readonly provider: Provider & Required<Pick<Provider, 'respond'>>;
  readonly cache?: GenerationCache;
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
  const controls: RequestControls = { ...options, credentials: { rejected: false } };
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
    const price = provider.price;
    const { deadline, ...turnRequest } = request;
    const outcome = await sendModelRequest(controls, {
      taskId: request.problem.id,
      sampleIndex: request.sampleIndex,
      price,
      worstCostUsd:
        budget && price && request.sampling.maxTokens !== undefined
          ? worstCaseCostUsd(asPrompt(request), request.sampling.maxTokens, price)
          : 0,
      send: (requestSignal) => provider.respond({ ...turnRequest, signal: requestSignal }),
      failed: failedTurn,
      ...(deadline === undefined ? {} : { deadline }),
    });
    if ('stopped' in outcome) return outcome;
    const { answer: final, attempts } = outcome;
    if (!final.error) await cache?.set(key, final);
    return { turn: final, cached: false, attempts };
  };
}

function failedTurn(error: ProviderFailure, latencyMs: number): AgentTurn {
  return { text: '', toolCalls: [], finishReason: 'error', latencyMs, error };
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
