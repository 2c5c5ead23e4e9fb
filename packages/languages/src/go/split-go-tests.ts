import { type GoToken, goTokens, matchingBracket, splitAtCommas } from './internal/go-tokens.ts';

/** One row of a MultiPL-E Go test table, as source text. */
export interface GoTestCall {
  /** The `actual:` expression (`candidate(…)`). */
  readonly actual: string;
  /** The `expected:` expression. */
  readonly expected: string;
}

/** A MultiPL-E Go program cut into the candidate's code and its test table. */
export interface GoTestSplit {
  /** The program before the test function: the prompt and the completion. */
  readonly code: string;
  /** The package clause's name (`strlen_test`). */
  readonly packageName: string;
  /** The function under test (`candidate := <entryPoint>`). */
  readonly entryPoint: string;
  /** The rows of the table, in order. */
  readonly calls: readonly GoTestCall[];
}

/** MultiPL-E's Go test function up to the table's opening brace (its header is fixed). */
const TEST_HEAD =
  /^func Test\w+\(t \*testing\.T\) \{\s*candidate := ([\p{L}_][\p{L}\p{N}_]*)\s*type test struct \{\s*actual\s+interface\{\}\s*expected\s+interface\{\}\s*\}\s*tests := \[\]test\{/u;

/** What follows the table in every MultiPL-E Go test: the `%v` comparison of each row. */
const TEST_TAIL = [
  'for i, tc := range tests {',
  '  t.Run(fmt.Sprintf("test num % d", i), func(t *testing.T) {',
  '    if fmt.Sprintf("%v", tc.actual) != fmt.Sprintf("%v", tc.expected) {',
  `      t.Errorf("expected '%s', got '%s'", tc.expected, tc.actual)`,
  '    }',
  '  })',
  '}',
  '}',
].join('\n');

/** The package clause at the top of the file (after white space and comments). */
const PACKAGE_CLAUSE = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*package\s+([\p{L}_][\p{L}\p{N}_]*)/u;

/** `text` with every run of white space made one space, and none next to brackets. */
function squeezed(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{}()]) ?/g, '$1')
    .trim();
}

/** The row `{ actual: …, expected: … }` whose braces are `tokens[open]` and `tokens[close]`. */
function tableRow(
  source: string,
  tokens: readonly GoToken[],
  open: number,
  close: number,
): GoTestCall | undefined {
  const fields = splitAtCommas(tokens, open + 1, close);
  if (fields === undefined || fields.length !== 2) return undefined;
  const values = new Map<string, string>();
  for (const [start, end] of fields) {
    const key = tokens[start];
    const first = tokens[start + 2];
    const last = tokens[end - 1];
    if (key?.kind !== 'word' || tokens[start + 1]?.text !== ':' || start + 2 >= end) {
      return undefined;
    }
    if (first === undefined || last === undefined) return undefined;
    values.set(key.text, source.slice(first.start, last.end));
  }
  const actual = values.get('actual');
  const expected = values.get('expected');
  return actual === undefined || expected === undefined ? undefined : { actual, expected };
}

/** The rows of the table whose `{` is `tokens[0]`, and the index of its `}`. */
function tableRows(
  source: string,
  tokens: readonly GoToken[],
): { calls: GoTestCall[]; close: number } | undefined {
  const close = matchingBracket(tokens, 0);
  const rows = close === undefined ? undefined : splitAtCommas(tokens, 1, close);
  if (close === undefined || rows === undefined || rows.length === 0) return undefined;
  const calls: GoTestCall[] = [];
  for (const [start, end] of rows) {
    if (tokens[start]?.text !== '{' || matchingBracket(tokens, start) !== end - 1) return undefined;
    const call = tableRow(source, tokens, start, end - 1);
    if (call === undefined) return undefined;
    calls.push(call);
  }
  return { calls, close };
}

/**
 * Cuts a MultiPL-E Go program (`prompt + completion + "\n" + tests`) into the candidate's code
 * and the rows of its test table: the test function is the last `func Test…` at the start of a
 * line, its header and its comparison loop must be MultiPL-E's (so that the reference compares
 * `fmt.Sprintf("%v", …)` strings), and it must end the file. The rows are read with a Go
 * tokenizer (strings, raw strings, runes, comments and nested brackets respected); each must be
 * `{ actual: <expr>, expected: <expr> }` (either order).
 *
 * Returns undefined for any other shape (the reference rule alone then decides).
 */
export function splitGoTests(source: string): GoTestSplit | undefined {
  const start = source.lastIndexOf('\nfunc Test') + 1;
  if (start === 0) return undefined;
  const head = TEST_HEAD.exec(source.slice(start));
  const entryPoint = head?.[1];
  if (head === null || entryPoint === undefined) return undefined;
  const tokens = goTokens(source, start + head[0].length - 1);
  const table = tokens === undefined ? undefined : tableRows(source, tokens);
  const closeBrace = table === undefined ? undefined : tokens?.[table.close];
  if (table === undefined || closeBrace === undefined) return undefined;
  if (squeezed(source.slice(closeBrace.end)) !== squeezed(TEST_TAIL)) return undefined;
  const code = source.slice(0, start);
  const packageName = PACKAGE_CLAUSE.exec(code)?.[1];
  if (packageName === undefined) return undefined;
  return { code, packageName, entryPoint, calls: table.calls };
}
