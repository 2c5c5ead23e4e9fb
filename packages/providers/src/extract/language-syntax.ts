/** What code extraction knows about a language. */
export interface LanguageSyntax {
  /** Fence tags that name it (lower-case). */
  readonly tags: readonly string[];
  /** Whether `code` defines a function (or method) called `name`. */
  defines(code: string, name: string): boolean;
  /**
   * Removes a program's own entry function (`main`), which clashes with the test harness's;
   * absent when the language has none or the tests do not bring one.
   */
  removeMain?(code: string): string;
}

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The spellings of a benchmark's (Python) entry point name in other languages: as is,
 * camelCase and PascalCase (MultiPL-E's Java `hasCloseElements`, C#'s `HasCloseElements`).
 */
const nameVariants = (name: string) => {
  const camel = name.replace(/_+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
  return `(?:${[...new Set([name, camel, pascal])].map(escapeRegExp).join('|')})`;
};
const pattern = (source: string, name: string) =>
  new RegExp(source.replaceAll('NAME', nameVariants(name)), 'm');
const anyOf =
  (...sources: string[]) =>
  (code: string, name: string) =>
    sources.some((source) => pattern(source, name).test(code));

/** A C-family declaration: a line without `(`, `=`, `;` before the name, then `(…) … {` (the brace may open the next line). */
const C_FAMILY = String.raw`^[^\n;=(){}]*\bNAME\s*(<[^>\n]*>)?\s*\([^;{}]*\)[^;{}\n]*\s*\{`;

/** Removes a brace-delimited top-level function whose header matches `header`. */
function removeBraceFunction(code: string, header: RegExp): string {
  const match = header.exec(code);
  if (!match) return code;
  let depth = 0;
  let index = code.indexOf('{', match.index);
  if (index === -1) return code;
  for (; index < code.length; index++) {
    if (code[index] === '{') depth++;
    else if (code[index] === '}' && --depth === 0) break;
  }
  return (code.slice(0, match.index) + code.slice(index + 1)).replace(/\n{3,}/g, '\n\n');
}

const cMain = (code: string) =>
  removeBraceFunction(code, /^(int|void|auto)\s+main\s*\([^)]*\)\s*\{/m);

/** Extraction syntax per language id (and the ids' usual aliases). */
export const LANGUAGE_SYNTAX: Readonly<Record<string, LanguageSyntax>> = {
  python: {
    tags: ['python', 'py', 'python3', 'py3'],
    defines: anyOf(String.raw`^\s*(async\s+)?def\s+NAME\s*\(`),
  },
  javascript: {
    tags: ['javascript', 'js', 'node', 'jsx', 'mjs'],
    defines: anyOf(
      String.raw`\bfunction\s*\*?\s*NAME\s*\(`,
      String.raw`\b(const|let|var)\s+NAME\s*=`,
    ),
  },
  typescript: {
    tags: ['typescript', 'ts', 'tsx'],
    defines: anyOf(
      String.raw`\bfunction\s*\*?\s*NAME\s*[(<]`,
      String.raw`\b(const|let|var)\s+NAME\s*[:=]`,
    ),
  },
  java: { tags: ['java'], defines: anyOf(C_FAMILY) },
  cpp: {
    tags: ['cpp', 'c++', 'cc', 'cxx', 'hpp'],
    defines: anyOf(C_FAMILY),
    removeMain: cMain,
  },
  c: { tags: ['c', 'h'], defines: anyOf(C_FAMILY), removeMain: cMain },
  csharp: { tags: ['csharp', 'c#', 'cs'], defines: anyOf(C_FAMILY) },
  go: {
    tags: ['go', 'golang'],
    defines: anyOf(String.raw`\bfunc\s+(\([^)]*\)\s*)?NAME\s*[(\[]`),
    removeMain: (code) => removeBraceFunction(code, /^func\s+main\s*\(\s*\)\s*\{/m),
  },
  rust: {
    tags: ['rust', 'rs'],
    defines: anyOf(String.raw`\bfn\s+NAME\s*[(<]`),
    removeMain: (code) => removeBraceFunction(code, /^fn\s+main\s*\(\s*\)\s*\{/m),
  },
  php: { tags: ['php'], defines: anyOf(String.raw`\bfunction\s+NAME\s*\(`) },
  ruby: { tags: ['ruby', 'rb'], defines: anyOf(String.raw`^\s*def\s+(self\.)?NAME\b`) },
  lua: {
    tags: ['lua'],
    defines: anyOf(
      String.raw`\bfunction\s+([\w.:]+[.:])?NAME\s*\(`,
      String.raw`\bNAME\s*=\s*function\b`,
    ),
  },
  perl: { tags: ['perl', 'pl'], defines: anyOf(String.raw`\bsub\s+NAME\b`) },
  r: { tags: ['r'], defines: anyOf(String.raw`\bNAME\s*(<-|=)\s*function\b`) },
  julia: {
    tags: ['julia', 'jl'],
    defines: anyOf(String.raw`\bfunction\s+NAME\s*[({]`, String.raw`^NAME\s*\([^)]*\)\s*=`),
  },
  swift: { tags: ['swift'], defines: anyOf(String.raw`\bfunc\s+NAME\s*[(<]`) },
  scala: { tags: ['scala'], defines: anyOf(String.raw`\bdef\s+NAME\b`) },
  kotlin: { tags: ['kotlin', 'kt'], defines: anyOf(String.raw`\bfun\s+NAME\s*[(<]`) },
  racket: { tags: ['racket', 'rkt', 'scheme'], defines: anyOf(String.raw`\(define\s+\(NAME[\s)]`) },
  d: { tags: ['d'], defines: anyOf(C_FAMILY, String.raw`^[^\n;=(){}]*\bNAME\s*\([^;{}]*\)\s*$`) },
  bash: {
    tags: ['bash', 'sh', 'shell', 'zsh'],
    defines: anyOf(
      String.raw`^\s*(function\s+)?NAME\s*\(\s*\)\s*\{`,
      String.raw`^\s*function\s+NAME\b`,
    ),
  },
};

/** Aliases of language ids as datasets name them. */
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  ts: 'typescript',
  'c++': 'cpp',
  cs: 'csharp',
  rs: 'rust',
  rb: 'ruby',
  pl: 'perl',
  jl: 'julia',
  rkt: 'racket',
  sh: 'bash',
  shell: 'bash',
  golang: 'go',
  py: 'python',
};

/** The syntax of language `id` (or an alias); a permissive fallback for unknown languages. */
export function languageSyntax(id: string): LanguageSyntax {
  const key = ALIASES[id] ?? id;
  return (
    LANGUAGE_SYNTAX[key] ?? {
      tags: [key],
      defines: (code, name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(code),
    }
  );
}
