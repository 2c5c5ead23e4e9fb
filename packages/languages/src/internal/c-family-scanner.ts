/**
 * Walks C-family source (C++, Java) one significant character at a time: string and character
 * literals, C++ raw strings and comments are stepped over whole (`next()` returns the index of
 * their last character, never of what is inside). `broken` is set by an unterminated literal or
 * comment.
 */
export class CFamilyScanner {
  broken = false;
  private at = 0;

  constructor(private readonly text: string) {}

  /** Skips `count` more characters. */
  skip(count: number): void {
    this.at += count;
  }

  /** Index of the next significant character (or literal's or comment's end), undefined at the end. */
  next(): number | undefined {
    const { text } = this;
    if (this.at >= text.length) return undefined;
    const at = this.at;
    const char = text[at];
    const raw =
      char === 'R' && text[at + 1] === '"' ? /^R"([^()\\\s]{0,16})\(/.exec(text.slice(at)) : null;
    if (raw !== null && !/\w/.test(text[at - 1] ?? '')) {
      const delimiter = raw[1] ?? '';
      const end = text.indexOf(`)${delimiter}"`, at + raw[0].length);
      return this.until(end < 0 ? -1 : end + delimiter.length + 1);
    }
    if (char === '"' || char === "'") {
      let index = at + 1;
      while (index < text.length && text[index] !== char && text[index] !== '\n') {
        index += text[index] === '\\' ? 2 : 1;
      }
      return this.until(text[index] === char ? index : -1);
    }
    if (char === '/' && text[at + 1] === '/') {
      const end = text.indexOf('\n', at);
      return this.until(end < 0 ? text.length - 1 : end);
    }
    if (char === '/' && text[at + 1] === '*') {
      const end = text.indexOf('*/', at + 2);
      return this.until(end < 0 ? -1 : end + 1);
    }
    this.at = at + 1;
    return at;
  }

  /** Moves past `end` (inclusive) and returns it; -1 marks the text broken. */
  private until(end: number): number | undefined {
    if (end < 0) {
      this.broken = true;
      this.at = this.text.length;
      return undefined;
    }
    this.at = end + 1;
    return end;
  }
}

/**
 * The statements of a block's `body` (the text after its `{`, or after its first statements) up
 * to its closing `}`, each trimmed, without its `;` and the comments before it; undefined when
 * the block does not close that way or `after` does not match what follows its `}`.
 */
export function blockStatements(body: string, after: RegExp): string[] | undefined {
  const statements: string[] = [];
  let depth = 0;
  let from = 0;
  const scanner = new CFamilyScanner(body);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = body[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '}') {
      if (depth === 0) {
        if (body.slice(from, at).trim() !== '' || !after.test(body.slice(at + 1))) return undefined;
        return scanner.broken ? undefined : statements;
      }
      depth -= 1;
    } else if (char === ';' && depth === 0) {
      statements.push(withoutLeadingComments(body.slice(from, at)));
      from = at + 1;
    }
  }
  return undefined;
}

/** `statement` without the blanks and comments before it (and trimmed). */
function withoutLeadingComments(statement: string): string {
  return statement.replace(/^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '').trim();
}

/** True when `text`'s brackets balance (outside strings and comments). */
export function balanced(text: string): boolean {
  let depth = 0;
  const scanner = new CFamilyScanner(text);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = text[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0 && !scanner.broken;
}
