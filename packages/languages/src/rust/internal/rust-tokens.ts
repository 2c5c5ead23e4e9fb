/** One Rust token: its kind, text and place (UTF-16 offsets into the source). */
export interface RustToken {
  /** `ident` (keywords included), `literal` (strings, chars, numbers), `lifetime` or `punct` (one character). */
  readonly kind: 'ident' | 'literal' | 'lifetime' | 'punct';
  readonly text: string;
  /** Offset of its first character. */
  readonly start: number;
  /** Offset just after its last character. */
  readonly end: number;
}

const IDENT_START = /[\p{L}_]/u;
const IDENT = /^(?:r#)?[\p{L}_][\p{L}\p{N}_]*/u;
const NUMBER = /^\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?[\d_]+)?[\p{L}\d_]*/u;
const RAW_STRING = /^[bc]?r(#*)"/;
const PREFIXED_STRING = /^[bc]"/;
const CHAR = /^b?'(?:\\(?:u\{[\da-fA-F_]*\}|x[\da-fA-F]{2}|.)|[^\\'\n])'/su;

/** End of the string literal whose opening quote is at `quote`, or -1 when it is not closed. */
function stringEnd(source: string, quote: number): number {
  for (let at = quote + 1; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === '"') return at + 1;
  }
  return -1;
}

/** End of the block comment opening at `start` (they nest in Rust), or -1 when it is not closed. */
function blockCommentEnd(source: string, start: number): number {
  let depth = 0;
  for (let at = start; at < source.length - 1; at++) {
    const pair = source.slice(at, at + 2);
    if (pair === '/*') {
      depth++;
      at++;
    } else if (pair === '*/') {
      depth--;
      at++;
      if (depth === 0) return at + 1;
    }
  }
  return -1;
}

/** End of the literal, lifetime or identifier starting at `at` (not a comment or white space). */
function wordEnd(source: string, at: number): { kind: RustToken['kind']; end: number } | undefined {
  const rest = source.slice(at, at + 200);
  const raw = RAW_STRING.exec(rest);
  if (raw !== null) {
    const close = source.indexOf(`"${raw[1]}`, at + raw[0].length);
    return close < 0 ? undefined : { kind: 'literal', end: close + 1 + (raw[1]?.length ?? 0) };
  }
  if (PREFIXED_STRING.test(rest) || rest[0] === '"') {
    const end = stringEnd(source, rest[0] === '"' ? at : at + 1);
    return end < 0 ? undefined : { kind: 'literal', end };
  }
  const char = CHAR.exec(rest);
  if (char !== null) return { kind: 'literal', end: at + char[0].length };
  if (rest[0] === "'") {
    const name = IDENT.exec(rest.slice(1));
    return name === null ? undefined : { kind: 'lifetime', end: at + 1 + name[0].length };
  }
  const number = NUMBER.exec(rest);
  if (number !== null) return { kind: 'literal', end: at + number[0].length };
  if (IDENT_START.test(rest[0] ?? '') || rest.startsWith('r#')) {
    const name = IDENT.exec(rest);
    if (name !== null) return { kind: 'ident', end: at + name[0].length };
  }
  return { kind: 'punct', end: at + 1 };
}

/**
 * The tokens of Rust `source`, without comments and white space: strings (raw, byte, with
 * escapes), chars and lifetimes, nested block comments are told apart, so that a bracket or a
 * keyword inside them is not taken for code. Returns undefined when a string or a comment is
 * not closed.
 */
export function rustTokens(source: string): RustToken[] | undefined {
  const tokens: RustToken[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] ?? '';
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (source.startsWith('//', at)) {
      const newline = source.indexOf('\n', at);
      at = newline < 0 ? source.length : newline + 1;
      continue;
    }
    if (source.startsWith('/*', at)) {
      const end = blockCommentEnd(source, at);
      if (end < 0) return undefined;
      at = end;
      continue;
    }
    const word = wordEnd(source, at);
    if (word === undefined) return undefined;
    tokens.push({ kind: word.kind, text: source.slice(at, word.end), start: at, end: word.end });
    at = word.end;
  }
  return tokens;
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * For each opening bracket (`(`, `[`, `{`) of `tokens`, the index of its closing one, keyed by
 * the opener's index. Returns undefined when the brackets do not balance.
 */
export function matchingBrackets(tokens: readonly RustToken[]): Map<number, number> | undefined {
  const matches = new Map<number, number>();
  const open: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'punct') continue;
    if (CLOSERS[token.text] !== undefined) open.push(index);
    else if (token.text === ')' || token.text === ']' || token.text === '}') {
      const opener = open.pop();
      if (opener === undefined || CLOSERS[tokens[opener]?.text ?? ''] !== token.text) {
        return undefined;
      }
      matches.set(opener, index);
    }
  }
  return open.length === 0 ? matches : undefined;
}
