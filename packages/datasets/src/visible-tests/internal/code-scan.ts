/**
 * Index of the bracket closing the one at `open` (`(`, `[` or `{`) in `text`, skipping string
 * and character literals in `"` or `'` (with backslash escapes); -1 when it is not closed.
 */
export function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"' || char === "'") {
      index = literalEnd(text, index);
      if (index === -1) return -1;
    } else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * The end of the expression starting at `start`: the first `,`, `;` or closing bracket at
 * depth 0, or the end of the line; -1 when a literal or bracket is left open.
 */
export function expressionEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\n' || char === ',' || char === ';') return index;
    if (char === ')' || char === ']' || char === '}') return index;
    if (char === '"' || char === "'") {
      index = literalEnd(text, index);
      if (index === -1) return -1;
    } else if (char === '(' || char === '[' || char === '{') {
      index = closingBracket(text, index);
      if (index === -1) return -1;
    }
  }
  return text.length;
}

/** `text` split at the commas outside brackets and literals, each part trimmed. */
export function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let index = 0;
  while (index <= text.length) {
    const end = expressionEnd(text, index);
    if (end === -1) return [text.trim()];
    if (end >= text.length || text[end] === ',') {
      parts.push(text.slice(from, end).trim());
      from = end + 1;
    }
    index = end + 1;
  }
  return parts.filter((part) => part !== '');
}

/**
 * `text` with every call that `opener` finds (a match ending at its `(`) rewritten by
 * `render(arguments, n)` (`n` counts the calls from 1); a call whose parenthesis is not closed
 * is kept as it is and not counted. Returns the text and the calls' arguments.
 */
export function rewriteCalls(
  text: string,
  opener: RegExp,
  render: (args: string, n: number) => string,
): { readonly text: string; readonly calls: readonly string[] } {
  const pattern = new RegExp(
    opener.source,
    opener.flags.includes('g') ? opener.flags : `${opener.flags}g`,
  );
  const calls: string[] = [];
  let out = '';
  let from = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const open = match.index + match[0].length - 1;
    if (open < from) continue;
    const close = closingBracket(text, open);
    if (close === -1) continue;
    const args = text.slice(open + 1, close);
    calls.push(args);
    out += `${text.slice(from, match.index)}${match[0]}${render(args, calls.length)})`;
    from = close + 1;
    pattern.lastIndex = from;
  }
  return { text: out + text.slice(from), calls };
}

/**
 * A string literal in `quote` holding `text` without any escape: whitespace collapsed,
 * backslashes as `/`, the quote as the other quote, braces as parentheses (Rust's messages
 * are format strings), other characters outside printable ASCII as `?`; at most 160
 * characters. Every target language reads it alike (PHP's single quotes do not interpolate).
 */
export function plainLiteral(text: string, quote: '"' | "'" = '"'): string {
  const other = quote === '"' ? "'" : '"';
  const plain = text
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .replaceAll('\\', '/')
    .replaceAll(quote, other)
    .replaceAll('{', '(')
    .replaceAll('}', ')');
  return `${quote}${plain.length > 160 ? `${plain.slice(0, 157)}...` : plain}${quote}`;
}

function literalEnd(text: string, open: number): number {
  const quote = text[open];
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === quote) return index;
    else if (char === '\n') return quote === "'" ? open : -1;
  }
  return quote === "'" ? open : -1;
}
