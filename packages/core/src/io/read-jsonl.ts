import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
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
  /**
   * Parses one line (default `JSON.parse`); throws `SyntaxError` for a line that is not
   * JSON. For dialects such as Python's `json` output with bare `NaN`.
   */
  readonly parse?: (text: string) => unknown;
}

/** Longest stretch `readJsonl` parses without giving the event loop a turn, in milliseconds. */
const PARSE_SLICE_MS = 10;

const gunzipAsync = promisify(gunzip);

/**
 * Reads a JSON Lines file (gzip when the name ends in `.gz`), skipping blank lines. Never
 * holds the event loop for long: the file is decompressed off the main thread and parsed in
 * slices of about 10 ms, so that a server stays responsive while a large dataset loads.
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
    if (path.endsWith('.gz')) bytes = await gunzipAsync(bytes);
  } catch (cause) {
    throw new InvalidInputError({
      reason: `cannot read file (${(cause as Error).message})`,
      location: { file },
      cause,
    });
  }
  const parsed: JsonlLine[] = [];
  let sliceStart = performance.now();
  for (const line of jsonlLines(bytes.toString('utf8'), { ...options, displayName: file })) {
    parsed.push(line);
    if (performance.now() - sliceStart > PARSE_SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return parsed;
}

/** Parses JSON Lines text at once; see `readJsonl` for the rules. */
export function parseJsonl(text: string, options: ReadJsonlOptions = {}): JsonlLine[] {
  return [...jsonlLines(text, options)];
}

/** The lines of JSON Lines `text`, parsed one at a time; see `readJsonl` for the rules. */
function* jsonlLines(text: string, options: ReadJsonlOptions): Generator<JsonlLine> {
  const parse = options.parse ?? JSON.parse;
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = parse(raw);
    } catch (cause) {
      const isTail = index === lines.length - 1 && !endsWithNewline;
      if (isTail && options.tolerateTornTail) return;
      throw new InvalidInputError({
        reason: `not valid JSON (${(cause as Error).message})`,
        location: { file: options.displayName, line: index + 1 },
        cause,
      });
    }
    yield { line: index + 1, value };
  }
}
