import { matchingBrackets, type RustToken, rustTokens } from './rust-tokens.ts';

/** What the program of the expected values may take from the candidate's code: types, no code. */
export interface RustDeclarations {
  /** The top-level `use` items of the standard library (`std`, `core`, `alloc`), as written. */
  readonly uses: readonly string[];
  /**
   * The entry point's signature (`fn f(x: isize) -> isize`, from `fn` to its body), when every
   * name in it is the standard library's: undefined when it names an item the code defines
   * (a type, a trait, a constant, a macro) or when the function is not a top-level item.
   */
  readonly signature?: string;
}

/** Keywords that introduce an item whose name follows. */
const DEFINING = new Set([
  'fn',
  'struct',
  'enum',
  'union',
  'trait',
  'type',
  'mod',
  'const',
  'static',
]);
const STANDARD_ROOTS = new Set(['std', 'core', 'alloc']);

/** Names the code defines anywhere (items, macros): a signature naming one needs the code. */
function definedNames(tokens: readonly RustToken[]): Set<string> {
  const names = new Set<string>();
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    if (next?.kind !== 'ident' || DEFINING.has(next.text)) continue;
    if (DEFINING.has(token.text)) names.add(next.text);
    if (token.text === '!' && tokens[index - 1]?.text === 'macro_rules') names.add(next.text);
  }
  return names;
}

/** The signature of the function whose `fn` is at `start` (from `fn` to its body), when it names no item of the code. */
function signatureAt(
  source: string,
  tokens: readonly RustToken[],
  start: number,
  defined: ReadonlySet<string>,
): string | undefined {
  let body = start;
  while (body < tokens.length && tokens[body]?.text !== '{' && tokens[body]?.text !== ';') body++;
  if (tokens[body]?.text !== '{') return undefined;
  const words = tokens.slice(start + 2, body);
  const foreign = words.some(
    (token) => token.text === '!' || (token.kind === 'ident' && defined.has(token.text)),
  );
  if (foreign) return undefined;
  return source.slice(tokens[start]?.start, tokens[body - 1]?.end);
}

/**
 * The standard `use` items and the signature of `entryPoint` in the candidate's `code` (see
 * {@link RustDeclarations}); none of either when the code does not tokenize or balance.
 */
export function rustDeclarations(code: string, entryPoint: string): RustDeclarations {
  const tokens = rustTokens(code);
  if (tokens === undefined) return { uses: [] };
  const brackets = matchingBrackets(tokens);
  if (brackets === undefined) return { uses: [] };
  const defined = definedNames(tokens);
  defined.delete(entryPoint);
  const uses: string[] = [];
  let entry: number | undefined;
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at];
    const next = brackets.get(at);
    if (next !== undefined) {
      at = next + 1;
      continue;
    }
    if (token?.text === 'use') {
      let end = at;
      while (end < tokens.length && tokens[end]?.text !== ';') end++;
      const root = tokens[at + 1]?.text === ':' ? tokens[at + 3] : tokens[at + 1];
      if (STANDARD_ROOTS.has(root?.text ?? '') && end < tokens.length) {
        uses.push(code.slice(token.start, tokens[end]?.end));
      } else {
        // What another `use` brings in is the code's own, for the signature.
        for (const word of tokens.slice(at + 1, end))
          if (word.kind === 'ident') defined.add(word.text);
      }
      at = end + 1;
      continue;
    }
    if (token?.text === 'fn' && tokens[at + 1]?.text === entryPoint) {
      entry = at;
    }
    at++;
  }
  const signature = entry === undefined ? undefined : signatureAt(code, tokens, entry, defined);
  return signature === undefined ? { uses } : { uses, signature };
}
