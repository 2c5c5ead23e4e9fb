/** One test of a MultiPL-E C++ program: `assert(candidate(<args>) == <expected>);`. */
export interface CppTestCall {
  /** The arguments, as written between the call's parentheses. */
  readonly args: string;
  /** The expected value's expression, as written after `==`. */
  readonly expected: string;
}

/** A MultiPL-E C++ program split into the candidate's part and its tests. */
export interface CppTestSplit {
  /** Everything before the tests' `int main()`: the prompt and the completion. */
  readonly candidate: string;
  /** The function the tests call (`auto candidate = <entry>;`). */
  readonly entry: string;
  /** The tests, in order. */
  readonly calls: readonly CppTestCall[];
}

/** The start of MultiPL-E's C++ tests (after the `}` that closes the function). */
const TESTS_START = /^int main\(\) \{\n[ \t]*auto candidate = ([A-Za-z_]\w*);[ \t]*\n/gm;

/**
 * Splits a MultiPL-E C++ program at its tests (the last `int main() {` whose first statement is
 * `auto candidate = <entry>;`, followed only by `assert(candidate(…) == …);` statements and the
 * closing `}`). Returns undefined when the program does not end that way.
 */
export function splitCppTests(source: string): CppTestSplit | undefined {
  const starts = [...source.matchAll(TESTS_START)];
  const start = starts.at(-1);
  if (start?.index === undefined || start[1] === undefined) return undefined;
  const statements = topLevelStatements(source.slice(start.index + start[0].length));
  if (statements === undefined) return undefined;
  const calls: CppTestCall[] = [];
  for (const statement of statements) {
    const call = testCall(statement);
    if (call === undefined) return undefined;
    calls.push(call);
  }
  if (calls.length === 0) return undefined;
  return { candidate: source.slice(0, start.index), entry: start[1], calls };
}

/**
 * The statements of the body after `auto candidate = …;`, up to its closing `}` (nothing but
 * blanks after it), each without its `;`; undefined when the text does not close that way.
 */
function topLevelStatements(body: string): string[] | undefined {
  const statements: string[] = [];
  let depth = 0;
  let from = 0;
  const scanner = new CppScanner(body);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = body[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '}') {
      if (depth === 0) {
        if (body.slice(from, at).trim() !== '' || body.slice(at + 1).trim() !== '')
          return undefined;
        return scanner.broken ? undefined : statements;
      }
      depth -= 1;
    } else if (char === ';' && depth === 0) {
      statements.push(body.slice(from, at).trim());
      from = at + 1;
    }
  }
  return undefined;
}

/** `assert(candidate(<args>) == <expected>)` taken apart, or undefined. */
function testCall(statement: string): CppTestCall | undefined {
  const code = statement.replace(/^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
  const inner = /^assert\s*\(([\s\S]*)\)$/.exec(code)?.[1];
  if (inner === undefined) return undefined;
  const equals = topLevelEquals(inner);
  if (equals === undefined) return undefined;
  const call = inner.slice(0, equals).trim();
  const expected = inner.slice(equals + 2).trim();
  const args = /^candidate\s*\(([\s\S]*)\)$/.exec(call)?.[1];
  if (args === undefined || expected === '' || !balanced(args)) return undefined;
  return { args, expected };
}

/** Index of the only `==` of `text` outside brackets, strings and comments, or undefined. */
function topLevelEquals(text: string): number | undefined {
  let depth = 0;
  let found: number | undefined;
  const scanner = new CppScanner(text);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = text[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === '=' && text[at + 1] === '=' && depth === 0) {
      if (found !== undefined || text[at - 1] === '!' || text[at - 1] === '=') return undefined;
      found = at;
      scanner.skip(1);
    }
  }
  return scanner.broken || depth !== 0 ? undefined : found;
}

/** True when `text`'s brackets balance (outside strings and comments). */
function balanced(text: string): boolean {
  let depth = 0;
  const scanner = new CppScanner(text);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = text[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0 && !scanner.broken;
}

/**
 * Walks C++ source one significant character at a time: string, character and raw string
 * literals and comments are stepped over whole (`next()` returns the index of their last
 * character, never of what is inside). `broken` is set by an unterminated literal or comment.
 */
class CppScanner {
  broken = false;
  private at = 0;

  constructor(private readonly text: string) {}

  /** Skips `count` more characters. */
  skip(count: number): void {
    this.at += count;
  }

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
