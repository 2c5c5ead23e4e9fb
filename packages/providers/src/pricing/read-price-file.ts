import { readFileSync } from 'node:fs';
import { createValidator, InvalidInputError, type ModelPrice } from '@passk/core';

interface PriceFileEntry {
  readonly input_per_million: number;
  readonly output_per_million: number;
  readonly cached_input_per_million?: number;
}

const validatePriceFile = createValidator<Record<string, PriceFileEntry>>({
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['input_per_million', 'output_per_million'],
    additionalProperties: false,
    properties: {
      input_per_million: { type: 'number', minimum: 0 },
      output_per_million: { type: 'number', minimum: 0 },
      cached_input_per_million: { type: 'number', minimum: 0 },
    },
  },
});

/**
 * Reads a price file: a JSON object keyed by model id, each value
 * `{ "input_per_million": 2, "output_per_million": 8, "cached_input_per_million": 0.5 }`
 * (US dollars per million tokens). Throws `InvalidInputError` naming the file and path.
 */
export function readPriceFile(path: string): Record<string, ModelPrice> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new InvalidInputError({
      reason: `cannot read a JSON price table (${(cause as Error).message})`,
      location: { file: path },
      cause,
    });
  }
  const entries = validatePriceFile(value, { file: path });
  return Object.fromEntries(
    Object.entries(entries).map(([model, entry]) => [
      model,
      {
        inputPerMillion: entry.input_per_million,
        outputPerMillion: entry.output_per_million,
        ...(entry.cached_input_per_million === undefined
          ? {}
          : { cachedInputPerMillion: entry.cached_input_per_million }),
      },
    ]),
  );
}
