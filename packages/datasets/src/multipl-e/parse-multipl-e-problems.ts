import { createValidator, InvalidInputError, type JsonlLine, type Problem } from '@passk/core';
import type { MultiplELanguage } from './multipl-e-languages.ts';

/** A MultiPL-E problem record (`humaneval-<code>.jsonl`; extra fields are ignored). */
export interface MultiplERecord {
  /** `HumanEval_<n>_<python name>`, the benchmark's task id. */
  readonly name: string;
  /** MultiPL-E's language code or name. */
  readonly language: string;
  /** The translated prompt: the code prefix the model continues. */
  readonly prompt: string;
  /** The test program appended after `prompt + completion + "\n"`. */
  readonly tests: string;
  /** Sequences at which a generation is cut. */
  readonly stop_tokens: readonly string[];
  readonly doctests?: string;
  readonly original?: string;
  readonly prompt_terminology?: string;
}

const validateRecord = createValidator<MultiplERecord>({
  type: 'object',
  required: ['name', 'language', 'prompt', 'tests', 'stop_tokens'],
  properties: {
    name: { type: 'string', minLength: 1 },
    language: { type: 'string', minLength: 1 },
    prompt: { type: 'string' },
    tests: { type: 'string' },
    stop_tokens: { type: 'array', items: { type: 'string', minLength: 1 } },
    doctests: { type: 'string' },
    original: { type: 'string' },
    prompt_terminology: { type: 'string' },
  },
});

/** `HumanEval_23_strlen` → `strlen`: the Python name of the function under test. */
export function multiplEEntryPoint(name: string): string {
  return name.replace(/^(?:HumanEval|mbpp)_\d+_/, '');
}

/**
 * Validates MultiPL-E problem lines and turns them into problems of `datasetId` in
 * `language`. Task ids are MultiPL-E's `name`, unchanged; stop sequences are the record's
 * `stop_tokens`, as they are in the data (see the dataset's notes on Lua's `"\n\n"`); the
 * entry point is the Python name taken from `name` (each translation renames it in its own
 * style, e.g. C#'s `Strlen`). Throws `InvalidInputError` naming file, line and field for a bad
 * record, a duplicate name, or a record of another language.
 */
export function parseMultiplEProblems(
  lines: readonly JsonlLine[],
  file: string,
  datasetId: string,
  language: MultiplELanguage,
  languageOf: (name: string) => string | undefined,
): Problem[] {
  const seen = new Map<string, number>();
  return lines.map(({ line, value }) => {
    const record = validateRecord(value, { file, line });
    const first = seen.get(record.name);
    if (first !== undefined) {
      throw new InvalidInputError({
        reason: `duplicate name '${record.name}' (first on line ${first})`,
        location: { file, line, path: '/name' },
      });
    }
    seen.set(record.name, line);
    if (languageOf(record.language) !== language.code) {
      throw new InvalidInputError({
        reason: `expected a ${language.code} problem, got language '${record.language}'`,
        location: { file, line, path: '/language' },
      });
    }
    return {
      id: record.name,
      datasetId,
      language: language.languageId,
      prompt: record.prompt,
      entryPoint: multiplEEntryPoint(record.name),
      tests: record.tests,
      stopSequences: record.stop_tokens,
      metadata: {
        multiplELanguage: language.code,
        ...(record.original === undefined ? {} : { original: record.original }),
        ...(record.doctests === undefined ? {} : { doctests: record.doctests }),
        ...(record.prompt_terminology === undefined
          ? {}
          : { promptTerminology: record.prompt_terminology }),
      },
    };
  });
}
