import type { ModelPrice, ModelPrompt, TokenUsage } from '../spec/provider.ts';

/** Tokens added per chat message by chat formats (role markers), counted in projections. */
const MESSAGE_OVERHEAD_TOKENS = 8;

/**
 * An upper bound on a prompt's input tokens: its UTF-8 byte count (a byte-level BPE
 * tokenizer never emits more tokens than bytes), plus a few tokens per chat message.
 */
export function maxInputTokens(prompt: ModelPrompt): number {
  const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);
  if (prompt.mode === 'completion') return bytes(prompt.text);
  let total = bytes(prompt.system) + bytes(prompt.prefill);
  for (const message of prompt.messages) total += bytes(message.content) + MESSAGE_OVERHEAD_TOKENS;
  return total + (prompt.system ? MESSAGE_OVERHEAD_TOKENS : 0);
}

/** Cost in US dollars of `usage` at `price` (cached input at its own price; reasoning is output). */
export function costOfUsage(usage: TokenUsage, price: ModelPrice): number {
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const cachedPrice = price.cachedInputPerMillion ?? price.inputPerMillion;
  return (
    ((usage.inputTokens - cached) * price.inputPerMillion +
      cached * cachedPrice +
      usage.outputTokens * price.outputPerMillion) /
    1e6
  );
}

/** The most one request can cost: `maxInputTokens` at the input price, `maxTokens` at the output price. */
export function worstCaseCostUsd(
  prompt: ModelPrompt,
  maxTokens: number,
  price: ModelPrice,
): number {
  return costOfUsage({ inputTokens: maxInputTokens(prompt), outputTokens: maxTokens }, price);
}
