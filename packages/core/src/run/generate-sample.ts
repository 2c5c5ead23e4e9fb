import { hashJson } from '../io/hash.ts';
import type { Problem } from '../spec/problem.ts';
import type {
  Generation,
  ModelPrompt,
  PromptFormat,
  Provider,
  ProviderFailure,
  SamplingParameters,
} from '../spec/provider.ts';
import type { SampleRecord } from '../spec/run.ts';
import type { GenerationCache } from '../store/generation-cache.ts';
import { worstCaseCostUsd } from './cost.ts';
import type { RunStopReason } from './events.ts';
import {
  type RequestControls,
  type RequestSettings,
  sendModelRequest,
} from './internal/send-model-request.ts';
import { promptFor } from './prompt-for.ts';
import { truncateAtStop } from './truncate-at-stop.ts';

/** Everything `createSampleGenerator` needs. */
export interface SampleGeneratorOptions extends RequestSettings {
  readonly provider: Provider;
  /** Builds prompts and extracts code; absent: the raw prompt, cut at stop sequences. */
  readonly format?: PromptFormat;
  readonly sampling: SamplingParameters;
  readonly cache?: GenerationCache;
}

/** What generating one sample gave. */
export type SampleOutcome =
  | { readonly record: SampleRecord; readonly cached: boolean }
  | { readonly stopped: RunStopReason };

/**
 * Returns a function that produces the sample record of (problem, sample index): from the
 * generation cache, or by asking the provider, through the adaptive gate, with a per-request
 * timeout and retries (back-off with jitter, `Retry-After` honoured) for retryable failures
 * only. A failure that survives the retries is returned as a record with `error`; a stop (abort,
 * cost limit, credentials rejected by an earlier request) is returned as `stopped` and nothing
 * is recorded. Never throws.
 */
export function createSampleGenerator(
  options: SampleGeneratorOptions,
): (problem: Problem, sampleIndex: number) => Promise<SampleOutcome> {
  const { provider, format, signal, budget } = options;

  // After a 401/403, every further request would fail the same way: none is sent.
  const controls: RequestControls = { ...options, credentials: { rejected: false } };
  // One prompt per problem, whatever n is.
  const prompts = new WeakMap<Problem, ModelPrompt>();
  return async (problem, sampleIndex) => {
    if (signal?.aborted) return { stopped: 'aborted' };
    let modelPrompt = prompts.get(problem);
    if (!modelPrompt) {
      modelPrompt = promptFor(problem, format, provider);
      prompts.set(problem, modelPrompt);
    }
    const sampling: SamplingParameters =
      options.sampling.seed === undefined
        ? options.sampling
        : { ...options.sampling, seed: options.sampling.seed + sampleIndex };
    const cache = provider.cacheable ? options.cache : undefined;
    const cacheKey = !cache
      ? ''
      : hashJson({
          provider: provider.id,
          model: provider.model,
          endpoint: provider.endpoint ?? {},
          format: format ? { id: format.id, hash: format.hash } : 'raw',
          prompt: modelPrompt,
          stop: problem.stopSequences,
          sampling,
          sampleIndex,
        });
    const cached = cache?.get(cacheKey);
    if (cached)
      return {
        record: toRecord(problem, sampleIndex, cached, 0, modelPrompt, format),
        cached: true,
      };

    const price = provider.price;
    const outcome = await sendModelRequest(controls, {
      taskId: problem.id,
      sampleIndex,
      price,
      worstCostUsd:
        budget && price && sampling.maxTokens !== undefined
          ? worstCaseCostUsd(modelPrompt, sampling.maxTokens, price)
          : 0,
      send: (requestSignal) =>
        provider.generate({
          problem,
          prompt: promptText(modelPrompt),
          modelPrompt,
          stopSequences: problem.stopSequences,
          sampling,
          sampleIndex,
          signal: requestSignal,
        }),
      failed: failedGeneration,
    });
    if ('stopped' in outcome) return outcome;
    const { answer: final, attempts } = outcome;
    if (!final.error) await cache?.set(cacheKey, final);
    return {
      record: toRecord(problem, sampleIndex, final, attempts, modelPrompt, format),
      cached: false,
    };
  };
}

function promptText(prompt: ModelPrompt): string {
  return prompt.mode === 'completion' ? prompt.text : (prompt.messages.at(-1)?.content ?? '');
}

function failedGeneration(error: ProviderFailure, latencyMs: number): Generation {
  return { text: '', finishReason: 'error', latencyMs, error };
}

function toRecord(
  problem: Problem,
  sampleIndex: number,
  generation: Generation,
  attempts: number,
  prompt: ModelPrompt,
  format?: PromptFormat,
): SampleRecord {
  // One object literal (no spread of a shared base): records of a run share hidden classes,
  // which keeps a 100,000-sample run's records a third of the size.
  const record = (
    code: Pick<SampleRecord, 'raw' | 'completion' | 'kind' | 'extraction' | 'error'>,
  ): SampleRecord => ({
    task_id: problem.id,
    sample_index: sampleIndex,
    language: problem.language,
    finish_reason: generation.finishReason,
    ...(generation.usage ? { usage: generation.usage } : {}),
    ...(generation.costUsd === undefined ? {} : { cost_usd: generation.costUsd }),
    latency_ms: generation.latencyMs,
    ...(generation.reasoning ? { reasoning: generation.reasoning } : {}),
    ...(attempts > 0 ? { attempts } : {}),
    raw: code.raw,
    completion: code.completion,
    kind: code.kind,
    ...(code.extraction ? { extraction: code.extraction } : {}),
    ...(code.error ? { error: code.error } : {}),
  });
  if (generation.error) {
    return record({ raw: '', completion: '', kind: 'completion', error: generation.error });
  }
  const raw =
    prompt.mode === 'chat' && prompt.prefill ? prompt.prefill + generation.text : generation.text;
  if (generation.completion !== undefined) {
    return record({
      raw,
      completion: generation.completion,
      kind: generation.kind ?? 'completion',
    });
  }
  if (format) {
    const extraction = format.extract(problem, raw);
    return record({
      raw,
      completion: extraction.code,
      kind: extraction.kind,
      extraction: { strategy: extraction.strategy, found_code: extraction.foundCode },
    });
  }
  return record({
    raw,
    completion: truncateAtStop(raw, problem.stopSequences),
    kind: generation.kind ?? 'completion',
  });
}
