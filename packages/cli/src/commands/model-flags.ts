import { type ModelPrice, type ReasoningEffort, UsageError } from '@passk/core';
import { parseNumber, parsePositiveInteger } from '../parse-options.ts';
import type { ModelOptions } from '../sdk/model-options.ts';

/** Flags of `passk run` that configure a model provider and its prompts. */
export const MODEL_FLAGS = {
  'base-url': { type: 'string' },
  api: { type: 'string' },
  stream: { type: 'boolean' },
  'prompt-mode': { type: 'string' },
  'prompt-template': { type: 'string' },
  'system-prompt': { type: 'string' },
  'no-prefill': { type: 'boolean' },
  'reasoning-effort': { type: 'string' },
  'max-cost': { type: 'string' },
  price: { type: 'string' },
  prices: { type: 'string' },
  'request-timeout': { type: 'string' },
  retries: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** The SDK's model options from the model flags (unset flags stay unset); throws `UsageError`. */
export function parseModelFlags(
  values: Record<string, string | boolean | undefined>,
): ModelOptions {
  const string = (flag: string) => (typeof values[flag] === 'string' ? values[flag] : undefined);
  const maxCostUsd = parseNumber(string('max-cost'), '--max-cost', 0, 1e9);
  const timeoutSeconds = parseNumber(string('request-timeout'), '--request-timeout', 0.1, 86_400);
  const retries = values.retries === '0' ? 0 : parsePositiveInteger(string('retries'), '--retries');
  const price = parsePrice(string('price'));
  const entries: [keyof ModelOptions, unknown][] = [
    ['baseUrl', string('base-url')],
    ['api', string('api')],
    ['stream', values.stream === true ? true : undefined],
    ['promptMode', string('prompt-mode')],
    ['promptTemplate', string('prompt-template')],
    ['systemPrompt', string('system-prompt')],
    ['prefill', values['no-prefill'] === true ? false : undefined],
    ['reasoningEffort', string('reasoning-effort') as ReasoningEffort | undefined],
    ['maxCostUsd', maxCostUsd],
    ['price', price],
    ['pricesFile', string('prices')],
    ['requestTimeoutMs', timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000],
    ['retries', retries],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as ModelOptions;
}

function parsePrice(value: string | undefined): ModelPrice | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (
    parts.length < 2 ||
    parts.length > 3 ||
    parts.some((part) => !Number.isFinite(part) || part < 0)
  ) {
    throw new UsageError({
      message: `--price expects <input>,<output>[,<cached input>] in US dollars per million tokens, got '${value}'`,
    });
  }
  return {
    inputPerMillion: parts[0] as number,
    outputPerMillion: parts[1] as number,
    ...(parts[2] === undefined ? {} : { cachedInputPerMillion: parts[2] }),
  };
}
