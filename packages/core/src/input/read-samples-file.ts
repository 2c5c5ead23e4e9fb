import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors/invalid-input-error.ts';
import { sha256 } from '../io/hash.ts';
import { parseJsonl, streamJsonl } from '../io/read-jsonl.ts';
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
  const hash = createHash('sha256');
  const samples = createSamplesCollector(displayName);
  try {
    for await (const { line, value } of streamJsonl(path, {
      displayName,
      onBytes: (chunk) => hash.update(chunk),
    })) {
      samples.add(line, value);
    }
  } catch (error) {
    if (!(error instanceof InvalidInputError) || error.location.line !== undefined) throw error;
    // The file itself could not be read: say so as a samples file.
    const cause = error.cause ?? error;
    throw new InvalidInputError({
      reason: `cannot read samples file (${(cause as Error).message})`,
      location: { file: displayName },
      cause,
    });
  }
  return { ...samples.finish(), path, sha256: hash.digest('hex') };
}

/**
 * Parses samples in JSON Lines (the formats of `readSamplesFile`); `path` is `displayName`
 * and `sha256` the hash of `text`. Throws `InvalidInputError` naming line and field.
 */
export function parseSamples(text: string, displayName: string): SamplesFile {
  const samples = createSamplesCollector(displayName);
  for (const { line, value } of parseJsonl(text, { displayName })) samples.add(line, value);
  return { ...samples.finish(), path: displayName, sha256: sha256(text) };
}

/** Validates sample lines one at a time and groups them by task. */
function createSamplesCollector(displayName: string) {
  const byTask = new Map<string, SampleInput[]>();
  const formats = new Set<string>();
  const perLanguage = new Map<string, number>();
  // Identical answers share one string (samples at low temperature repeat): memory grows with
  // the distinct answers, not with the samples.
  const texts = new Map<string, string>();
  const shared = (code: string): string => {
    const known = texts.get(code);
    if (known !== undefined) return known;
    texts.set(code, code);
    return code;
  };
  let count = 0;
  return {
    add(line: number, value: unknown): void {
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
          ? { code: shared(record.solution), kind: 'solution' }
          : {
              code: shared((record.completion ?? record.generation) as string),
              kind: 'completion',
            };
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
      // Plain literals (not spreads): 100,000 samples share two hidden classes instead of
      // each carrying its own.
      list.push(
        record.language === undefined
          ? {
              code: candidate.code,
              kind: candidate.kind,
              taskId: list[0]?.taskId ?? record.task_id,
              sampleIndex,
              line,
            }
          : {
              code: candidate.code,
              kind: candidate.kind,
              taskId: list[0]?.taskId ?? record.task_id,
              language: record.language,
              sampleIndex,
              line,
            },
      );
      byTask.set(record.task_id, list);
      count++;
    },
    finish(): Omit<SamplesFile, 'path' | 'sha256'> {
      if (count === 0) {
        throw new InvalidInputError({
          reason: 'no samples in file',
          location: { file: displayName },
        });
      }
      return {
        format: formats.size === 1 ? ([...formats][0] as string) : 'mixed',
        byTask,
        count,
      };
    },
  };
}
