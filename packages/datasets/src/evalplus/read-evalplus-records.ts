import { createValidator, InvalidInputError, readJsonl } from '@passk/core';
import { parsePythonJson } from './parse-python-json.ts';

/** The fields passk reads from an EvalPlus problem record (HumanEval+ / MBPP+). */
export interface EvalPlusRecord {
  readonly task_id: string;
  readonly prompt: string;
  readonly entry_point: string;
  readonly canonical_solution: string;
  /** Absolute tolerance for float outputs (0 = exact, with EvalPlus's 1e-6 for floats). */
  readonly atol: number;
  readonly base_input: readonly unknown[];
  /** A list of argument lists; MBPP+ Mbpp/793 has `{}` (no plus inputs). */
  readonly plus_input: readonly unknown[] | Readonly<Record<string, never>>;
  /** HumanEval+: the original HumanEval test code. */
  readonly test?: string;
}

const validateRecord = createValidator<EvalPlusRecord>({
  type: 'object',
  required: [
    'task_id',
    'prompt',
    'entry_point',
    'canonical_solution',
    'atol',
    'base_input',
    'plus_input',
  ],
  properties: {
    task_id: { type: 'string', minLength: 1 },
    prompt: { type: 'string' },
    entry_point: { type: 'string', minLength: 1 },
    canonical_solution: { type: 'string' },
    atol: { type: 'number', minimum: 0 },
    base_input: { type: 'array' },
    plus_input: { type: ['array', 'object'] },
    test: { type: 'string' },
  },
});

/** One validated record and its 1-based line. */
export interface EvalPlusLine {
  readonly line: number;
  readonly record: EvalPlusRecord;
}

/**
 * Reads an EvalPlus data file (`.jsonl`, or `.jsonl.gz`), accepting Python's `NaN`/`Infinity`
 * tokens, without holding the event loop for long (see `readJsonl`: HumanEval+ is 8 MB of
 * JSON). Throws `InvalidInputError` naming the file, line and field of a bad record, a line
 * that is not JSON, or a duplicate task id.
 */
export async function readEvalPlusRecords(path: string): Promise<EvalPlusLine[]> {
  const seen = new Map<string, number>();
  const lines: EvalPlusLine[] = [];
  for (const { line, value } of await readJsonl(path, { parse: parsePythonJson })) {
    const record = validateRecord(value, { file: path, line });
    const first = seen.get(record.task_id);
    if (first !== undefined) {
      throw new InvalidInputError({
        reason: `duplicate task_id '${record.task_id}' (first on line ${first})`,
        location: { file: path, line, path: '/task_id' },
      });
    }
    seen.set(record.task_id, line);
    lines.push({ line, record });
  }
  return lines;
}
