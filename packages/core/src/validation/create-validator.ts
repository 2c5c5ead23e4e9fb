import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Schema, ValidateFunction } from 'ajv';
import { type InputLocation, InvalidInputError } from '../errors/invalid-input-error.ts';

/** A compiled validator: returns the value typed, or throws `InvalidInputError`. */
export type Validator<T> = (value: unknown, location: InputLocation) => T;

let shared: Ajv | undefined;

/** The one Ajv instance, loaded on first use (a command that validates nothing never loads it). */
function ajv(): Ajv {
  if (shared === undefined) {
    const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    shared = new AjvClass({ allErrors: false, strict: true, allowUnionTypes: true });
  }
  return shared;
}

/**
 * Compiles a JSON Schema once, on the first validation. The returned function throws
 * `InvalidInputError` naming the file, line and JSON path of the first violation, with what
 * was expected.
 */
export function createValidator<T>(schema: Schema): Validator<T> {
  let validate: ValidateFunction | undefined;
  return (value, location) => {
    validate ??= ajv().compile(schema);
    if (validate(value)) return value as T;
    const error = validate.errors?.[0];
    throw new InvalidInputError({
      reason: error ? describe(error) : 'invalid record',
      location: { ...location, path: error ? pathOf(error) : location.path },
    });
  };
}

function pathOf(error: ErrorObject): string {
  const base = error.instancePath === '' ? '' : error.instancePath;
  if (error.keyword === 'required')
    return `${base}/${(error.params as { missingProperty: string }).missingProperty}`;
  return base === '' ? '/' : base;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `missing required field '${(error.params as { missingProperty: string }).missingProperty}'`;
    case 'type':
      return `expected ${(error.params as { type: string }).type}`;
    case 'additionalProperties':
      return `unexpected field '${(error.params as { additionalProperty: string }).additionalProperty}'`;
    case 'enum':
      return `expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'invalid value';
  }
}
