import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InvalidInputError } from '../errors/invalid-input-error.ts';

/** One parsed line of a JSONL file. */
export interface JsonlLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The parsed value. */
  readonly value: unknown;
}

/** Options of `readJsonl`. */
export interface ReadJsonlOptions {
  /** Name to use in error messages (default: the path). */
  readonly displayName?: string;
  /**
   * Ignore an unparseable last line that has no trailing newline (a write torn by a crash).
   * Default false: every line must parse.
   */
  readonly tolerateTornTail?: boolean;
}

/**
 * Reads a JSON Lines file (gzip when the name ends in `.gz`), skipping blank lines.
 * Throws `InvalidInputError` naming the file and line of the first line that is not JSON,
 * and a `PasskError` with code `invalid-input` when the file cannot be read.
 */
export async function readJsonl(
  path: string,
  options: ReadJsonlOptions = {},
): Promise<JsonlLine[]> {
  const file = options.displayName ?? path;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (cause) {
    throw new InvalidInputError({
      reason: `cannot read file (${(cause as Error).message})`,
      location: { file },
      cause,
    });
  }
  return parseJsonl(bytes.toString('utf8'), { ...options, displayName: file });
}

/** Parses JSON Lines text; see `readJsonl` for the rules. */
export function parseJsonl(text: string, options: ReadJsonlOptions = {}): JsonlLine[] {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  const parsed: JsonlLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    if (raw.trim() === '') continue;
    try {
      parsed.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (cause) {
      const isTail = index === lines.length - 1 && !endsWithNewline;
      if (isTail && options.tolerateTornTail) break;
      throw new InvalidInputError({
        reason: `not valid JSON (${(cause as Error).message})`,
        location: { file: options.displayName, line: index + 1 },
        cause,
      });
    }
  }
  return parsed;
}
