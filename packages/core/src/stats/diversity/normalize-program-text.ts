import { commentSyntax } from './comment-syntax.ts';

/** What `normalizeProgramText` removes, as recorded in `summary.diversity.normalization`. */
export const TEXT_NORMALIZATION =
  'comments removed (per-language syntax) and whitespace outside string literals removed, except one space between word characters';

/**
 * A program's text without comments and formatting: comments (line and block, by the
 * language's syntax) are dropped, whitespace outside string literals is dropped except one
 * space between two word characters (`int x`, `return x`), and blank lines are dropped, so
 * `x+1` and `x + 1` are one program. Python keeps each line's indentation (its
 * meaning) as that many spaces (a tab counts to the next multiple of 8, as Python does).
 *
 * @param code The program or completion.
 * @param language A passk language id (unknown ids use C's comment syntax).
 * @returns The normalized text; equal for programs that differ only in comments and layout.
 */
export function normalizeProgramText(code: string, language: string): string {
  const syntax = commentSyntax(language);
  let output = '';
  let atLineStart = true;
  let indent = 0;
  let pendingSpace = false;
  let i = 0;
  const startsWith = (marker: string) => code.startsWith(marker, i);
  const emit = (text: string) => {
    if (atLineStart) {
      output += syntax.significantIndentation ? ' '.repeat(indent) : '';
      atLineStart = false;
    }
    if (pendingSpace && /\w$/.test(output) && /^\w/.test(text)) output += ' ';
    pendingSpace = false;
    output += text;
  };
  while (i < code.length) {
    const block = syntax.block.find(([open]) => startsWith(open));
    if (block) {
      const end = code.indexOf(block[1], i + block[0].length);
      i = end === -1 ? code.length : end + block[1].length;
      pendingSpace = true;
      continue;
    }
    if (syntax.line.some((marker) => startsWith(marker))) {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
      continue;
    }
    const char = code[i] as string;
    if (char === '\n') {
      output += '\n';
      atLineStart = true;
      pendingSpace = false;
      indent = 0;
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      if (atLineStart) indent += char === '\t' ? 8 - (indent % 8) : 1;
      else pendingSpace = true;
      i++;
      continue;
    }
    const triple = syntax.tripleQuotes && (startsWith('"""') || startsWith("'''"));
    if (triple || syntax.quotes.includes(char)) {
      const close = triple ? code.slice(i, i + 3) : char;
      let j = i + close.length;
      while (j < code.length && !code.startsWith(close, j)) {
        if (code[j] === '\\') j++;
        else if (!triple && code[j] === '\n') break;
        j++;
      }
      const end = Math.min(code.length, j + (code.startsWith(close, j) ? close.length : 0));
      emit(code.slice(i, end));
      i = end;
      continue;
    }
    emit(char);
    i++;
  }
  return output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}
