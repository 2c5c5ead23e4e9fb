/** The lexical syntax the assembly needs to tell code from comments and strings. */
export interface Lexicon {
  /** Line comment openers (`//`, `#`, `;`, `--`). */
  readonly lineComments: readonly string[];
  /** Block comment delimiters (`/*`, `*\/`). */
  readonly blockComments: readonly (readonly [string, string])[];
  /** Quote characters that open a string closed by the same character (backslash escapes). */
  readonly quotes: readonly string[];
  /**
   * `'` opens a character literal only (`'a'`, `'\n'`), as in C, Java, Rust (where `'a` is also
   * a lifetime): a lone `'` is code.
   */
  readonly charQuote?: boolean;
  /** A line comment opener counts only at the start of a word (shell's `#` vs `${#x}`). */
  readonly commentAtWordStart?: boolean;
}

/**
 * For each character of `text`, whether it is code (true) or inside a comment or a string
 * literal (false). Unterminated strings and comments run to the end of their line or text.
 */
export function codeMask(text: string, lexicon: Lexicon): boolean[] {
  const mask = new Array<boolean>(text.length).fill(true);
  let index = 0;
  const hide = (from: number, to: number) => {
    for (let position = from; position < Math.min(to, text.length); position++)
      mask[position] = false;
  };
  while (index < text.length) {
    const rest = (token: string) => text.startsWith(token, index);
    const block = lexicon.blockComments.find(([open]) => rest(open));
    if (block) {
      const end = text.indexOf(block[1], index + block[0].length);
      const stop = end === -1 ? text.length : end + block[1].length;
      hide(index, stop);
      index = stop;
      continue;
    }
    const line = lexicon.lineComments.find((open) => rest(open));
    if (line && (!lexicon.commentAtWordStart || index === 0 || /\s/.test(text[index - 1] ?? ''))) {
      const end = text.indexOf('\n', index);
      const stop = end === -1 ? text.length : end;
      hide(index, stop);
      index = stop;
      continue;
    }
    const character = text[index] as string;
    if (lexicon.charQuote && character === "'") {
      const literal = /^'(\\.[^']{0,8}|[^'\\\n])'/.exec(text.slice(index, index + 12));
      if (literal) {
        hide(index, index + literal[0].length);
        index += literal[0].length;
      } else index++;
      continue;
    }
    if (lexicon.quotes.includes(character)) {
      let end = index + 1;
      while (end < text.length && text[end] !== character) {
        if (text[end] === '\\') end++;
        else if (text[end] === '\n' && character !== '`' && character !== '"') break;
        end++;
      }
      hide(index, end + 1);
      index = end + 1;
      continue;
    }
    index++;
  }
  return mask;
}

/** `opens` minus `closes` among the code characters of `text`. */
export function balance(text: string, lexicon: Lexicon, open: string, close: string): number {
  const mask = codeMask(text, lexicon);
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (!mask[index]) continue;
    if (text[index] === open) depth++;
    else if (text[index] === close) depth--;
  }
  return depth;
}
