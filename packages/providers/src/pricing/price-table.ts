import type { ModelPrice } from '@passk/core';

/** Date the built-in prices were copied from the providers' price pages. */
export const PRICES_AS_OF = '2025-08';

/**
 * Standard (non-batch) prices of known models, US dollars per million tokens, as published
 * by the providers on `PRICES_AS_OF`; tiers above 200k-token prompts are not modelled. Local
 * servers (`ollama:`) cost nothing. Override with `--price` or `--prices <file>`.
 */
export const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = {
  // OpenAI
  'gpt-5': { inputPerMillion: 1.25, cachedInputPerMillion: 0.125, outputPerMillion: 10 },
  'gpt-5-mini': { inputPerMillion: 0.25, cachedInputPerMillion: 0.025, outputPerMillion: 2 },
  'gpt-5-nano': { inputPerMillion: 0.05, cachedInputPerMillion: 0.005, outputPerMillion: 0.4 },
  'gpt-4.1': { inputPerMillion: 2, cachedInputPerMillion: 0.5, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, cachedInputPerMillion: 0.025, outputPerMillion: 0.4 },
  'gpt-4o': { inputPerMillion: 2.5, cachedInputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-4o-mini': { inputPerMillion: 0.15, cachedInputPerMillion: 0.075, outputPerMillion: 0.6 },
  o3: { inputPerMillion: 2, cachedInputPerMillion: 0.5, outputPerMillion: 8 },
  'o3-mini': { inputPerMillion: 1.1, cachedInputPerMillion: 0.55, outputPerMillion: 4.4 },
  'o4-mini': { inputPerMillion: 1.1, cachedInputPerMillion: 0.275, outputPerMillion: 4.4 },
  'gpt-3.5-turbo-instruct': { inputPerMillion: 1.5, outputPerMillion: 2 },
  'davinci-002': { inputPerMillion: 2, outputPerMillion: 2 },
  'babbage-002': { inputPerMillion: 0.4, outputPerMillion: 0.4 },
  // Anthropic (cached = cache read)
  'claude-opus-4-1': { inputPerMillion: 15, cachedInputPerMillion: 1.5, outputPerMillion: 75 },
  'claude-opus-4': { inputPerMillion: 15, cachedInputPerMillion: 1.5, outputPerMillion: 75 },
  'claude-sonnet-4': { inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15 },
  'claude-3-5-sonnet': { inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, cachedInputPerMillion: 0.08, outputPerMillion: 4 },
  'claude-3-haiku': { inputPerMillion: 0.25, cachedInputPerMillion: 0.03, outputPerMillion: 1.25 },
  // Google (prompts up to 200k tokens)
  'gemini-2.5-pro': { inputPerMillion: 1.25, cachedInputPerMillion: 0.31, outputPerMillion: 10 },
  'gemini-2.5-flash': { inputPerMillion: 0.3, cachedInputPerMillion: 0.075, outputPerMillion: 2.5 },
  'gemini-2.5-flash-lite': {
    inputPerMillion: 0.1,
    cachedInputPerMillion: 0.025,
    outputPerMillion: 0.4,
  },
  'gemini-2.0-flash': { inputPerMillion: 0.1, cachedInputPerMillion: 0.025, outputPerMillion: 0.4 },
  'gemini-2.0-flash-lite': { inputPerMillion: 0.075, outputPerMillion: 0.3 },
};

/**
 * The price of `model` in `table`: an exact entry, or the longest entry the id extends with
 * a dated or `-latest` suffix (`gpt-4o-2024-08-06` → `gpt-4o`, `claude-sonnet-4-20250514` →
 * `claude-sonnet-4`). Undefined when unknown.
 */
export function lookupPrice(
  model: string,
  table: Readonly<Record<string, ModelPrice>> = PRICE_TABLE,
): ModelPrice | undefined {
  const id = model.includes('/') ? (model.split('/').at(-1) as string) : model;
  if (Object.hasOwn(table, model)) return table[model];
  if (Object.hasOwn(table, id)) return table[id];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (!id.startsWith(`${key}-`)) continue;
    const rest = id.slice(key.length + 1);
    if (!/^(\d|latest$|preview)/.test(rest)) continue;
    if (!best || key.length > best.length) best = key;
  }
  return best === undefined ? undefined : table[best];
}
