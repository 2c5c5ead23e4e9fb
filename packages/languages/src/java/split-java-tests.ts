import { balanced, blockStatements, CFamilyScanner } from '../internal/c-family-scanner.ts';

/** One test of a MultiPL-E Java program: `assert(<entry>(<args>) == <expected>)` or `….equals(<expected>)`. */
export interface JavaTestCall {
  /** The arguments, as written between the call's parentheses. */
  readonly args: string;
  /** The expected value's expression. */
  readonly expected: string;
}

/** A MultiPL-E Java program split into the candidate's part and its tests. */
export interface JavaTestSplit {
  /** Everything before the tests' `main`: the imports, `class Problem {` and the completion. */
  readonly candidate: string;
  /** The method the tests call. */
  readonly entry: string;
  /** The tests, in order. */
  readonly calls: readonly JavaTestCall[];
}

/** The start of MultiPL-E's Java tests (after the `}` that closes the method). */
const TESTS_START = /^[ \t]*public static void main\(String\[\] args\) \{[ \t]*\n/gm;

/**
 * Splits a MultiPL-E Java program at its tests (the last `public static void main(String[]
 * args) {` followed only by `assert(<entry>(…) == …);` / `assert(<entry>(…).equals(…));`
 * statements, all calling the same method, the closing `}` and the class's `}`). Returns
 * undefined when the program does not end that way.
 */
export function splitJavaTests(source: string): JavaTestSplit | undefined {
  const start = [...source.matchAll(TESTS_START)].at(-1);
  if (start?.index === undefined) return undefined;
  const statements = blockStatements(source.slice(start.index + start[0].length), /^\s*\}\s*$/);
  if (statements === undefined || statements.length === 0) return undefined;
  const calls: JavaTestCall[] = [];
  let entry: string | undefined;
  for (const statement of statements) {
    const call = testCall(statement);
    if (call === undefined || (entry !== undefined && call.entry !== entry)) return undefined;
    entry = call.entry;
    calls.push({ args: call.args, expected: call.expected });
  }
  if (entry === undefined) return undefined;
  return { candidate: source.slice(0, start.index), entry, calls };
}

/** `assert(<entry>(<args>) == <expected>)` or `assert(<entry>(<args>).equals(<expected>))`. */
function testCall(statement: string): (JavaTestCall & { entry: string }) | undefined {
  const inner = /^assert\s*\(([\s\S]*)\)$/.exec(statement)?.[1]?.trim();
  const entry = inner === undefined ? undefined : /^([A-Za-z_$][\w$]*)\s*\(/.exec(inner);
  if (inner === undefined || entry?.[1] === undefined) return undefined;
  const close = matchingParen(inner, entry[0].length - 1);
  if (close === undefined) return undefined;
  const args = inner.slice(entry[0].length, close);
  const rest = inner.slice(close + 1);
  const expected =
    /^\s*==\s*([\s\S]+)$/.exec(rest)?.[1] ?? /^\.equals\(([\s\S]*)\)$/.exec(rest)?.[1];
  if (expected === undefined || !balanced(args) || !balanced(expected)) return undefined;
  if (/^\s*==/.test(rest) && topLevel(expected, /[=!<>]=|&&|\|\||\?/)) return undefined;
  return { entry: entry[1], args, expected: expected.trim() };
}

/** Index of the `)` matching the `(` at `open`, outside literals and comments. */
function matchingParen(text: string, open: number): number | undefined {
  let depth = 0;
  const scanner = new CFamilyScanner(text);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    if (at < open) continue;
    if (text[at] === '(') depth += 1;
    else if (text[at] === ')') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return undefined;
}

/** True when `pattern` matches at bracket depth 0 of `text`, outside literals and comments. */
function topLevel(text: string, pattern: RegExp): boolean {
  let depth = 0;
  const scanner = new CFamilyScanner(text);
  for (let at = scanner.next(); at !== undefined; at = scanner.next()) {
    const char = text[at] ?? '';
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (depth === 0 && pattern.test(text.slice(at, at + 2))) return true;
  }
  return false;
}
