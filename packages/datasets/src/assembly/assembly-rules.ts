import type { Lexicon } from './code-mask.ts';

/**
 * What program assembly knows about one language: how to tell code from comments and strings,
 * how blocks end, and which lines of a chat answer define what. Regular expressions apply to
 * one line (the first line of a top-level item of the answer, or a line of the prompt).
 */
export interface AssemblyRule {
  readonly lexicon: Lexicon;
  /**
   * How a function's block ends: matching `{}` (`braces`) or `()` (`parens`), an `end` at the
   * definition's indentation (`end`), or indentation (`indent`: Python, whose answers are used
   * as extraction left them).
   */
  readonly block: 'braces' | 'parens' | 'end' | 'indent';
  /** Lines that define something (function, class, constant), its name in group `name`. */
  readonly definitions: readonly RegExp[];
  /** A line opening a class-like container that the prompt wraps the function in. */
  readonly container?: RegExp;
  /** Lines the prompt already has once (`<?php`, `#lang racket`, a shebang, `package x`). */
  readonly preamble?: RegExp;
  /** Lines removed wherever they are (PHP's closing `?>`). */
  readonly strip?: RegExp;
  /** Top-level import lines of an answer, hoisted next to the prompt's imports. */
  readonly imports?: RegExp;
  /** The packages an import item names, when they are compared by name (Go's paths). */
  readonly importedNames?: (item: string) => readonly string[];
  /** How one imported name is written as its own import line. */
  readonly importLine?: (name: string) => string;
  /** Top-level statements of an answer that are its own driver or test code. */
  readonly driver?: RegExp;
  /** Program entry functions (`main`); the benchmark's tests bring their own. */
  readonly mains?: readonly string[];
  /**
   * Names must be declared before they are used (C, C++): an answer's function that calls the
   * entry point, and that the entry point does not call (its own `test()`), would stand before
   * the entry point in the program and not compile; it is dropped with the answer's `main`.
   */
  readonly declareBeforeUse?: boolean;
  /** Shell: inside `case … esac`, a `)` without its `(` ends a pattern and closes nothing. */
  readonly caseLabels?: boolean;
}

const C_LEXICON: Lexicon = {
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  quotes: ['"'],
  charQuote: true,
};
const SCRIPT_LEXICON: Lexicon = {
  lineComments: ['//'],
  blockComments: [['/*', '*/']],
  quotes: ['"', "'", '`'],
};
const HASH_LEXICON: Lexicon = { lineComments: ['#'], blockComments: [], quotes: ['"', "'"] };

const NOT_STATEMENT = String.raw`(?!(?:return|else|if|while|for|foreach|switch|new|throw|case|delete|await|yield|using|catch)\b)`;
/** A C-family function: type words, then the name, parameters, and `{` or the end of the line. */
const C_FUNCTION = new RegExp(
  String.raw`^\s*${NOT_STATEMENT}(?:[\w:<>,*&\[\]~.?]+\s+)+[*&]*(?<name>[A-Za-z_]\w*)\s*(?:<[^>\n]*>)?\s*\([^;]*?\)?[^;=]*?(?:\{.*|\s*)$`,
);
const C_TYPE =
  /^\s*(?:(?:public|private|protected|internal|static|final|abstract|sealed|partial)\s+)*(?:class|struct|union|interface|enum|record)\s+(?<name>\w+)/;
const CLASS_CONTAINER =
  /^\s*(?:(?:public|private|protected|internal|static|final|abstract|sealed|partial)\s+)*class\s+\w+/;

const goPaths = (item: string) =>
  [...item.matchAll(/"([^"]+)"/g)].map((match) => match[1] as string);

const JS_DEFINITIONS = [
  /^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*(?<name>[\w$]+)/,
  /^\s*(?:export\s+)?(?:const|let|var)\s+(?<name>[\w$]+)/,
  /^\s*(?:export\s+)?class\s+(?<name>[\w$]+)/,
];
/** A C or C++ answer's own test statements at file level (where no statement may stand). */
const C_DRIVER = /^\s*(?:assert\s*\(|(?:std::)?(?:cout|cerr)\s*<<|printf\s*\(|puts\s*\()/;
/** A top-level call or output statement of a script. */
const SCRIPT_DRIVER = /^\s*(?:console\.|process\.|print|echo|puts|assert|[\w$.]+\s*\()/;

/**
 * Assembly rules per passk language id: one small entry per language, read by `fitAnswer`.
 * Definitions double as the way the benchmark's own test names are recognised: an answer's
 * definition of a name the tests define (`test`, `candidate`, `check`, `main`) is dropped.
 */
export const ASSEMBLY_RULES: Readonly<Record<string, AssemblyRule>> = {
  python: {
    lexicon: { lineComments: ['#'], blockComments: [], quotes: ['"', "'"] },
    block: 'indent',
    definitions: [/^\s*(?:async\s+)?def\s+(?<name>\w+)/, /^\s*class\s+(?<name>\w+)/],
  },
  cpp: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [C_FUNCTION, C_TYPE],
    imports: /^\s*#\s*include\b/,
    driver: C_DRIVER,
    mains: ['main'],
    declareBeforeUse: true,
  },
  c: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [C_FUNCTION, C_TYPE],
    imports: /^\s*#\s*include\b/,
    driver: C_DRIVER,
    mains: ['main'],
    declareBeforeUse: true,
  },
  java: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [C_FUNCTION, C_TYPE],
    container: CLASS_CONTAINER,
    imports: /^\s*import\s+[\w.*\s]+;/,
    mains: ['main'],
  },
  csharp: {
    lexicon: { ...C_LEXICON, quotes: ['"'] },
    block: 'braces',
    definitions: [C_FUNCTION, C_TYPE],
    container: CLASS_CONTAINER,
    imports: /^\s*using\s+[\w.=\s]+;/,
    mains: ['Main'],
  },
  d: {
    lexicon: {
      ...C_LEXICON,
      blockComments: [
        ['/*', '*/'],
        ['/+', '+/'],
      ],
    },
    block: 'braces',
    definitions: [C_FUNCTION, C_TYPE],
    imports: /^\s*import\s+[\w.]+.*;/,
    driver: /^\s*unittest\b/,
    mains: ['main'],
  },
  go: {
    lexicon: {
      lineComments: ['//'],
      blockComments: [['/*', '*/']],
      quotes: ['"', '`'],
      charQuote: true,
    },
    block: 'braces',
    definitions: [/^func\s+(?:\([^)]*\)\s*)?(?<name>\w+)/, /^type\s+(?<name>\w+)/],
    preamble: /^\s*package\s+\w+/,
    imports: /^\s*import\b/,
    importedNames: goPaths,
    importLine: (path) => `import "${path}"`,
    mains: ['main'],
  },
  rust: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [
      /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+(?<name>\w+)/,
      /^\s*(?:pub\s+)?(?:struct|enum|trait|type)\s+(?<name>\w+)/,
    ],
    imports: /^\s*(?:use|extern\s+crate)\s/,
    driver: /^\s*mod\s+tests\b/,
    mains: ['main'],
  },
  swift: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [
      /^\s*(?:(?:public|private|fileprivate|static)\s+)*func\s+(?<name>\w+)/,
      /^\s*(?:struct|class|enum|extension)\s+(?<name>\w+)/,
    ],
    imports: /^\s*import\s/,
    driver: /^\s*(?:print|debugPrint|assert|precondition)\s*\(/,
  },
  scala: {
    lexicon: C_LEXICON,
    block: 'braces',
    definitions: [
      /^\s*(?:(?:private|override|final)\s+)*def\s+(?<name>\w+)/,
      /^\s*(?:case\s+)?(?:object|class|trait)\s+(?<name>\w+)/,
    ],
    container: /^\s*(?:object|class)\s+\w+/,
    imports: /^\s*import\s/,
    mains: ['main'],
  },
  javascript: {
    lexicon: SCRIPT_LEXICON,
    block: 'braces',
    definitions: JS_DEFINITIONS,
    imports: /^\s*import\s/,
    driver: SCRIPT_DRIVER,
  },
  typescript: {
    lexicon: SCRIPT_LEXICON,
    block: 'braces',
    definitions: [...JS_DEFINITIONS, /^\s*(?:export\s+)?(?:type|interface|enum)\s+(?<name>\w+)/],
    imports: /^\s*import\s/,
    driver: SCRIPT_DRIVER,
  },
  php: {
    lexicon: { lineComments: ['//', '#'], blockComments: [['/*', '*/']], quotes: ['"', "'"] },
    block: 'braces',
    definitions: [
      /^\s*function\s+(?<name>\w+)/,
      /^\s*(?:(?:final|abstract)\s+)?(?:class|interface|trait)\s+(?<name>\w+)/,
    ],
    preamble: /^\s*<\?php\b/,
    strip: /^\s*\?>\s*$/,
    driver: /^\s*(?:echo|print|var_dump|print_r|printf|assert|\$|[\w\\]+\s*\()/,
  },
  perl: {
    lexicon: HASH_LEXICON,
    block: 'braces',
    definitions: [/^\s*sub\s+(?<name>\w+)/],
    imports: /^\s*use\s/,
    driver: /^\s*(?:print|say|printf|die|my|[\w:]+\s*\()/,
  },
  r: {
    lexicon: HASH_LEXICON,
    block: 'braces',
    definitions: [/^\s*(?<name>[\w.]+)\s*(?:<-|=)\s*function\b/],
    imports: /^\s*(?:library|require)\s*\(/,
    driver: /^\s*(?:print|cat|stopifnot|message|[\w.]+\s*\()/,
  },
  shell: {
    lexicon: { ...HASH_LEXICON, commentAtWordStart: true },
    block: 'braces',
    definitions: [
      /^\s*(?:function\s+)?(?<name>[\w-]+)\s*\(\s*\)/,
      /^\s*function\s+(?<name>[\w-]+)/,
    ],
    preamble: /^#!/,
    caseLabels: true,
    driver: /^\s*(?!(?:[A-Za-z_]\w*=|declare\b|local\b|readonly\b|export\b|shopt\b|set\b))[^\s#]/,
  },
  ruby: {
    lexicon: HASH_LEXICON,
    block: 'end',
    definitions: [/^\s*def\s+(?:self\.)?(?<name>\w+[?!]?)/, /^\s*(?:class|module)\s+(?<name>\w+)/],
    imports: /^\s*require(?:_relative)?\b/,
    driver: /^\s*(?:puts|print|p|pp)\b/,
  },
  lua: {
    lexicon: { lineComments: ['--'], blockComments: [['--[[', ']]']], quotes: ['"', "'"] },
    block: 'end',
    definitions: [/^\s*(?:local\s+)?function\s+(?<name>[\w.:]+)/],
    driver: /^\s*(?:print|assert|io\.write)\s*\(/,
  },
  julia: {
    lexicon: {
      lineComments: ['#'],
      blockComments: [
        ['"""', '"""'],
        ['#=', '=#'],
      ],
      quotes: ['"'],
    },
    block: 'end',
    definitions: [/^\s*function\s+(?<name>\w+)/, /^(?<name>\w+)\([^)]*\)\s*=/],
    imports: /^\s*(?:using|import)\s/,
    driver: /^\s*(?:println|print|@assert|@test|@show)\b/,
  },
  racket: {
    lexicon: { lineComments: [';'], blockComments: [['#|', '|#']], quotes: ['"'] },
    block: 'parens',
    definitions: [/^\s*\(define\s+\(?(?<name>[^\s()]+)/],
    preamble: /^#lang\b/,
    imports: /^\s*\(require\b/,
    driver: /^\s*\((?!define|require|struct|provide)/,
  },
};

/** The rule of passk language `id`, or undefined (the answer is then used as it is). */
export function assemblyRule(id: string): AssemblyRule | undefined {
  return ASSEMBLY_RULES[id];
}
