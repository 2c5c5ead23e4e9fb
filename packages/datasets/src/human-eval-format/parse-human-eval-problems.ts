import { createValidator, InvalidInputError, type JsonlLine, type Problem } from '@passk/core';

/** A problem record in OpenAI human-eval's format (extra fields are kept as metadata). */
export interface HumanEvalRecord {
  readonly task_id: string;
  readonly prompt: string;
  readonly canonical_solution?: string;
  readonly test: string;
  readonly entry_point: string;
  readonly tags?: readonly string[];
  readonly difficulty?: string;
  readonly date?: string;
}

const validateRecord = createValidator<HumanEvalRecord>({
  type: 'object',
  required: ['task_id', 'prompt', 'test', 'entry_point'],
  properties: {
    task_id: { type: 'string', minLength: 1 },
    prompt: { type: 'string' },
    canonical_solution: { type: 'string' },
    test: { type: 'string' },
    entry_point: { type: 'string', minLength: 1 },
    tags: { type: 'array', items: { type: 'string' } },
    difficulty: { type: 'string' },
    date: { type: 'string' },
  },
});

/** The stop sequences of the Codex paper, used for HumanEval-format Python problems. */
export const CODEX_STOP_SEQUENCES: readonly string[] = [
  '\nclass',
  '\ndef',
  '\n#',
  '\nif',
  '\nprint',
];

/**
 * Validates human-eval problem lines and turns them into problems. Throws `InvalidInputError`
 * naming file, line and field for a bad record or a duplicate task id.
 */
export function parseHumanEvalProblems(
  lines: readonly JsonlLine[],
  file: string,
  datasetId: string,
): Problem[] {
  const seen = new Map<string, number>();
  return lines.map(({ line, value }) => {
    const record = validateRecord(value, { file, line });
    const first = seen.get(record.task_id);
    if (first !== undefined) {
      throw validateRecordError(
        file,
        line,
        `duplicate task_id '${record.task_id}' (first on line ${first})`,
      );
    }
    seen.set(record.task_id, line);
    return {
      id: record.task_id,
      datasetId,
      language: 'python',
      prompt: record.prompt,
      entryPoint: record.entry_point,
      tests: record.test,
      stopSequences: CODEX_STOP_SEQUENCES,
      ...(record.canonical_solution === undefined
        ? {}
        : { referenceCompletion: record.canonical_solution }),
      metadata: {
        ...(record.tags ? { tags: record.tags } : {}),
        ...(record.difficulty ? { difficulty: record.difficulty } : {}),
        ...(record.date ? { date: record.date } : {}),
      },
    };
  });
}

function validateRecordError(file: string, line: number, reason: string): InvalidInputError {
  return new InvalidInputError({ reason, location: { file, line, path: '/task_id' } });
}
