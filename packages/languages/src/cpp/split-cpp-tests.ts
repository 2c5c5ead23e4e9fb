import { balanced, blockStatements, CFamilyScanner } from '../internal/c-family-scanner.ts';

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
  const statements = blockStatements(source.slice(start.index + start[0].length), /^\s*$/);
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

/** `assert(candidate(<args>) == <expected>)` taken apart, or undefined. */
function testCall(statement: string): CppTestCall | undefined {
  const inner = /^assert\s*\(([\s\S]*)\)$/.exec(statement)?.[1];
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
  const scanner = new CFamilyScanner(text);
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
