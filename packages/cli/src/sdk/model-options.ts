import type { ModelPrice, ReasoningEffort } from '@passk/core';

/** Reasoning efforts a model provider accepts (`--reasoning-effort`). */
export const REASONING_EFFORTS: readonly ReasoningEffort[] = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
];

/** Default `maxTokens` per prompt mode for model providers (EvalPlus uses 768 for completions). */
export const DEFAULT_MAX_TOKENS = { completion: 768, chat: 2048 } as const;

/** Default time limit of one generation request of a model provider, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

/**
 * Options of model providers (`openai:`, `anthropic:`, `google:`, `openai-compatible:`,
 * `ollama:`); given with `reference` or `replay:` they are a `UsageError`.
 */
export interface ModelOptions {
  /** Server URL (`--base-url`). Default: the provider's. */
  readonly baseUrl?: string;
  /** OpenAI API flavour (`--api`, `openai:` only). Default `responses`. */
  readonly api?: 'responses' | 'chat';
  /** Stream answers (`--stream`). Default false. */
  readonly stream?: boolean;
  /** Prompt the model as a chat model or a base model (`--prompt-mode`). Default `chat`. */
  readonly promptMode?: 'chat' | 'completion';
  /** File with the chat prompt template (`--prompt-template`). Default passk's HumanEval template. */
  readonly promptTemplate?: string;
  /** System prompt of chat mode (`--system-prompt`). Default none. */
  readonly systemPrompt?: string;
  /** Prefill the assistant's answer with the start of a code block (`--no-prefill`: false). Default true. */
  readonly prefill?: boolean;
  /** Reasoning effort (`--reasoning-effort`). Default: the model's. */
  readonly reasoningEffort?: ReasoningEffort;
  /** Spending limit in US dollars (`--max-cost`); needs a known price. Default none. */
  readonly maxCostUsd?: number;
  /** Price per million tokens (`--price`). Default: passk's price table. */
  readonly price?: ModelPrice;
  /** A price table file (`--prices`), looked up by model name. */
  readonly pricesFile?: string;
  /** Time limit of one request in milliseconds (`--request-timeout`). Default 300 000. */
  readonly requestTimeoutMs?: number;
  /** Retries of a failed request (`--retries`). Default 6. */
  readonly retries?: number;
}

/** The flag of each model option, for messages. */
export const MODEL_OPTION_FLAGS: Readonly<Record<keyof ModelOptions, string>> = {
  baseUrl: '--base-url',
  api: '--api',
  stream: '--stream',
  promptMode: '--prompt-mode',
  promptTemplate: '--prompt-template',
  systemPrompt: '--system-prompt',
  prefill: '--no-prefill',
  reasoningEffort: '--reasoning-effort',
  maxCostUsd: '--max-cost',
  price: '--price',
  pricesFile: '--prices',
  requestTimeoutMs: '--request-timeout',
  retries: '--retries',
};
