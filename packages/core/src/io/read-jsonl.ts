import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
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

/**
 * Reads a JSON Lines file (gzip when the name ends in `.gz`), skipping blank lines; see
 * `streamJsonl`, which this collects. Throws `InvalidInputError` naming the file and line of
 * the first line that is not JSON, and a `PasskError` with code `invalid-input` when the file
 * cannot be read.
 */
export async function readJsonl(
  path: string,
  options: ReadJsonlOptions = {},
): Promise<JsonlLine[]> {
  const parsed: JsonlLine[] = [];
  for await (const line of streamJsonl(path, options)) parsed.push(line);
  return parsed;
}

/** Longest stretch `streamJsonl` parses without giving the event loop a turn, in milliseconds. */
const PARSE_SLICE_MS = 10;

/** Options of `streamJsonl`. */
export interface StreamJsonlOptions extends ReadJsonlOptions {
  /** Called with every chunk of the file as stored (before gunzip), e.g. to hash it. */
  readonly onBytes?: (chunk: Buffer) => void;
}

/**
 * The lines of a JSON Lines file (gzip when the name ends in `.gz`), parsed one at a time as
 * the file streams in: memory holds one chunk and one line, never the whole file, and the
 * event loop gets a turn at least every 10 ms of parsing (gunzip runs off the main thread).
 * Blank lines are skipped; line numbers are 1-based lines of the (decompressed) file. Throws
 * as `readJsonl`.
 */
export async function* streamJsonl(
  path: string,
  options: StreamJsonlOptions = {},
): AsyncGenerator<JsonlLine> {
  const file = options.displayName ?? path;
  const stored = createReadStream(path);
  const source = path.endsWith('.gz') ? stored.pipe(createGunzip()) : stored;
  // A gunzip stream does not forward the file's errors: end it with them.
  if (source !== stored) stored.on('error', (error) => source.destroy(error));
  const { onBytes } = options;
  // Hashing the stored bytes: beside the pipe when gunzipping, else in the loop below.
  if (onBytes && source !== stored) stored.on('data', onBytes as (chunk: string | Buffer) => void);
  const decoder = new StringDecoder('utf8');
  let sliceStart = performance.now();
  let pending = '';
  let lineNumber = 0;
  const parseLine = (raw: string, isTail: boolean): JsonlLine | undefined => {
    lineNumber++;
    if (raw.trim() === '') return undefined;
    try {
      return { line: lineNumber, value: (options.parse ?? JSON.parse)(raw) };
    } catch (cause) {
      if (isTail && options.tolerateTornTail) return undefined;
      throw new InvalidInputError({
        reason: `not valid JSON (${(cause as Error).message})`,
        location: { file, line: lineNumber },
        cause,
      });
    }
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (onBytes && source === stored) onBytes(chunk);
      pending += decoder.write(chunk);
      let newline = pending.indexOf('\n');
      let start = 0;
      while (newline !== -1) {
        const parsed = parseLine(pending.slice(start, newline), false);
        if (parsed) yield parsed;
        start = newline + 1;
        if (performance.now() - sliceStart > PARSE_SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
    }
  } catch (cause) {
    if (cause instanceof InvalidInputError) throw cause;
    throw new InvalidInputError({
      reason: `cannot read file (${(cause as Error).message})`,
      location: { file },
      cause,
    });
  } finally {
    stored.destroy();
  }
  pending += decoder.end();
  if (pending !== '') {
    const parsed = parseLine(pending, true);
    if (parsed) yield parsed;
  }
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
