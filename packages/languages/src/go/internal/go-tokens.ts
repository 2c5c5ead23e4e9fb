/** One token of Go source: a word (identifier, keyword, number), a literal, or one punctuation character. */
export interface GoToken {
  /** `word`: identifier, keyword or number; `literal`: an interpreted, raw or rune literal; `punct`: one other character. */
  readonly kind: 'word' | 'literal' | 'punct';
  /** The token's text, exactly as in the source. */
  readonly text: string;
  /** Offset of its first character in the source. */
  readonly start: number;
  /** Offset just after its last character. */
  readonly end: number;
}

const WORD = /[\p{L}\p{N}_.]/u;

/** End of the quoted literal opened by `quote` at `start` (escapes skipped; raw strings have none). */
function literalEnd(source: string, start: number, quote: string): number | undefined {
  let at = start + 1;
  while (at < source.length) {
    const char = source[at];
    if (char === quote) return at + 1;
    if (quote !== '`' && char === '\n') return undefined;
    at += char === '\\' && quote !== '`' ? 2 : 1;
  }
  return undefined;
}

/**
 * Splits Go source into tokens, skipping white space and comments: interpreted strings, raw
 * strings and runes are single `literal` tokens (what they hold never counts as a bracket or a
 * comma), words run over letters, digits, `_` and `.` (so `1.5` and `fmt.Sprintf` are one
 * word), every other character is its own `punct` token.
 *
 * Returns undefined when a literal or a block comment is not closed.
 */
export function goTokens(source: string, from = 0, to = source.length): GoToken[] | undefined {
  const tokens: GoToken[] = [];
  let at = from;
  while (at < to) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (source.startsWith('//', at)) {
      const newline = source.indexOf('\n', at);
      at = newline < 0 ? to : newline;
    } else if (source.startsWith('/*', at)) {
      const close = source.indexOf('*/', at + 2);
      if (close < 0) return undefined;
      at = close + 2;
    } else if (char === '"' || char === "'" || char === '`') {
      const end = literalEnd(source, at, char);
      if (end === undefined || end > to) return undefined;
      tokens.push({ kind: 'literal', text: source.slice(at, end), start: at, end });
      at = end;
    } else if (WORD.test(char)) {
      let end = at + 1;
      while (end < to && WORD.test(source[end] as string)) end += 1;
      tokens.push({ kind: 'word', text: source.slice(at, end), start: at, end });
      at = end;
    } else {
      tokens.push({ kind: 'punct', text: char, start: at, end: at + 1 });
      at += 1;
    }
  }
  return tokens;
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Index of the token that closes the bracket at `tokens[open]` (`(`, `[` or `{`), brackets
 * nested inside counted; undefined when it is not a bracket, or is not closed by its own kind.
 */
export function matchingBracket(tokens: readonly GoToken[], open: number): number | undefined {
  const stack: string[] = [];
  for (let at = open; at < tokens.length; at += 1) {
    const token = tokens[at] as GoToken;
    if (token.kind !== 'punct') continue;
    const closing = CLOSING[token.text];
    if (closing !== undefined) {
      stack.push(closing);
    } else if (token.text === ')' || token.text === ']' || token.text === '}') {
      if (stack.pop() !== token.text) return undefined;
      if (stack.length === 0) return at;
    }
    if (at === open && closing === undefined) return undefined;
  }
  return undefined;
}

/**
 * Splits `tokens[from, to)` at its commas outside brackets: the token ranges `[start, end)` of
 * the parts (an empty last part after a trailing comma is dropped). Undefined when a bracket
 * inside is not closed within the range.
 */
export function splitAtCommas(
  tokens: readonly GoToken[],
  from: number,
  to: number,
): Array<readonly [number, number]> | undefined {
  const parts: Array<readonly [number, number]> = [];
  let start = from;
  for (let at = from; at < to; at += 1) {
    const token = tokens[at] as GoToken;
    if (token.kind === 'punct' && CLOSING[token.text] !== undefined) {
      const close = matchingBracket(tokens, at);
      if (close === undefined || close >= to) return undefined;
      at = close;
    } else if (token.kind === 'punct' && token.text === ',') {
      parts.push([start, at]);
      start = at + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}
