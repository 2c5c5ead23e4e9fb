import type { Generation, ProviderFailure } from '@passk/core';

/** A generation that failed with `error`: no text, finish reason `error`. */
export function failedGeneration(error: ProviderFailure, latencyMs = 0): Generation {
  return { text: '', finishReason: 'error', latencyMs, error };
}

/** The failure of a sample the provider does not have (`missing_sample`, not retryable). */
export function missingSample(message: string): Generation {
  return failedGeneration({ class: 'missing_sample', message, retryable: false });
}
