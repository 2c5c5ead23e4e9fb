/** How comments and string literals look in a language, for `normalizeProgramText`. */
export interface CommentSyntax {
  /** Markers that start a comment running to the end of the line. */
  readonly line: readonly string[];
  /** Block comments as [open, close]. */
  readonly block: readonly (readonly [string, string])[];
  /** Characters that open and close a string literal (backslash escapes inside). */
  readonly quotes: readonly string[];
  /** Whether `"""` and `'''` open strings that run to the same triple (Python). */
  readonly tripleQuotes?: boolean;
  /** Whether leading indentation is part of the program's meaning (Python). */
  readonly significantIndentation?: boolean;
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'"] };
const HASH: CommentSyntax = { line: ['#'], block: [], quotes: ['"', "'"] };

/**
 * Comment syntax by passk language id; an unknown language gets C's (`//`, `/* *\/`).
 * Character literals whose quote also marks something else (Rust lifetimes, Julia's adjoint,
 * Racket's quote) are left out of `quotes`.
 */
export const COMMENT_SYNTAX: Readonly<Record<string, CommentSyntax>> = {
  python: { ...HASH, tripleQuotes: true, significantIndentation: true },
  ruby: { ...HASH, block: [['=begin', '=end']] },
  perl: HASH,
  r: HASH,
  shell: HASH,
  julia: { line: ['#'], block: [['#=', '=#']], quotes: ['"'] },
  lua: { line: ['--'], block: [['--[[', ']]']], quotes: ['"', "'"] },
  racket: { line: [';'], block: [['#|', '|#']], quotes: ['"'] },
  cpp: C_LIKE,
  java: C_LIKE,
  csharp: C_LIKE,
  d: {
    ...C_LIKE,
    block: [
      ['/*', '*/'],
      ['/+', '+/'],
    ],
  },
  go: { ...C_LIKE, quotes: ['"', "'", '`'] },
  javascript: { ...C_LIKE, quotes: ['"', "'", '`'] },
  typescript: { ...C_LIKE, quotes: ['"', "'", '`'] },
  rust: { ...C_LIKE, quotes: ['"'] },
  scala: { ...C_LIKE, quotes: ['"'] },
  swift: { ...C_LIKE, quotes: ['"'] },
  php: { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"] },
};

/** The comment syntax of a language id (C's for an unknown one). */
export function commentSyntax(language: string): CommentSyntax {
  return COMMENT_SYNTAX[language] ?? C_LIKE;
}
