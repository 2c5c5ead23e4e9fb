import { matchingBrackets, type RustToken, rustTokens } from './internal/rust-tokens.ts';

/** One test call: `assert_eq!(candidate(<args>), <expected>)`. */
export interface RustTestCall {
  /** The call's arguments, as the test writes them. */
  readonly args: string;
  /** The expected value's expression, as the test writes it. */
  readonly expected: string;
}

/** A MultiPL-E Rust program cut into the candidate's code and its test calls. */
export interface RustTests {
  /** The program without the tests' `fn main` (prompt, completion and the brace closing it). */
  readonly code: string;
  /** The function the tests call (`let candidate = <entryPoint>;`). */
  readonly entryPoint: string;
  /** The calls, in order. */
  readonly calls: readonly RustTestCall[];
}

const text = (tokens: readonly RustToken[], index: number) => tokens[index]?.text;

/**
 * Reads the `assert_eq!(candidate(args), expected);` statements of a test body (the tokens
 * between `from` and `to`, exclusive); undefined when a statement has another shape.
 */
function readCalls(
  source: string,
  tokens: readonly RustToken[],
  brackets: ReadonlyMap<number, number>,
  from: number,
  to: number,
): RustTestCall[] | undefined {
  const calls: RustTestCall[] = [];
  const slice = (first: number, last: number) =>
    source.slice(tokens[first]?.start, tokens[last]?.end);
  let at = from;
  while (at < to) {
    const open = at + 2;
    const close = brackets.get(open);
    const callOpen = at + 4;
    const callClose = brackets.get(callOpen);
    if (
      text(tokens, at) !== 'assert_eq' ||
      text(tokens, at + 1) !== '!' ||
      text(tokens, open) !== '(' ||
      text(tokens, at + 3) !== 'candidate' ||
      text(tokens, callOpen) !== '(' ||
      close === undefined ||
      callClose === undefined ||
      text(tokens, callClose + 1) !== ',' ||
      text(tokens, close + 1) !== ';'
    ) {
      return undefined;
    }
    const last = text(tokens, close - 1) === ',' ? close - 2 : close - 1;
    if (last < callClose + 2) return undefined;
    const args = callClose === callOpen + 1 ? '' : slice(callOpen + 1, callClose - 1);
    calls.push({ args, expected: slice(callClose + 2, last) });
    at = close + 2;
  }
  return calls;
}

/**
 * Splits a MultiPL-E Rust program (prompt + completion + tests) into the candidate's code and
 * the test calls. The tests are the program's last item, `fn main() { let candidate = f;
 * assert_eq!(candidate(…), …); … }` (MultiPL-E's, and Reflexion's copy of them); the code is
 * everything before it. Strings, chars, raw strings and comments are read as Rust reads them,
 * so nothing the completion writes can pass for the tests' text. Returns undefined when the
 * program does not end that way or a statement of `main` has another shape.
 */
export function splitRustTests(source: string): RustTests | undefined {
  const tokens = rustTokens(source);
  if (tokens === undefined || tokens.length < 11) return undefined;
  const brackets = matchingBrackets(tokens);
  if (brackets === undefined) return undefined;
  const last = tokens.length - 1;
  const open = [...brackets].find(([, close]) => close === last)?.[0];
  if (open === undefined || open < 4) return undefined;
  const head = tokens.slice(open - 4, open + 1).map((token) => token.text);
  if (head.join(' ') !== 'fn main ( ) {') return undefined;
  const entry = tokens.slice(open + 1, open + 6);
  const [let_, candidate, equals, name, semicolon] = entry;
  if (
    let_?.text !== 'let' ||
    candidate?.text !== 'candidate' ||
    equals?.text !== '=' ||
    name?.kind !== 'ident' ||
    semicolon?.text !== ';'
  ) {
    return undefined;
  }
  const calls = readCalls(source, tokens, brackets, open + 6, last);
  if (calls === undefined || calls.length === 0) return undefined;
  const code = source.slice(0, tokens[open - 4]?.start);
  return { code, entryPoint: name.text, calls };
}
