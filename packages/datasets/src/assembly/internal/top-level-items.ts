import type { AssemblyRule } from '../assembly-rules.ts';
import { codeMask } from '../code-mask.ts';

/** A top-level piece of code: a definition, an import, a statement (with its leading comments). */
export interface Item {
  /** Its lines, comments and annotations above it included. */
  readonly lines: readonly string[];
  /** The first line that is code (not a comment or annotation); '' for blank or comment-only items. */
  readonly header: string;
  /** The defined name, when the header is a definition. */
  readonly name?: string;
}

/** The name `line` defines under `rule`, if any. */
export function definedName(rule: AssemblyRule, line: string): string | undefined {
  for (const pattern of rule.definitions) {
    const name = pattern.exec(line)?.groups?.name;
    if (name !== undefined) return name;
  }
  return undefined;
}

interface LineShape {
  /** Net change of bracket depth over the line's code characters. */
  readonly delta: number;
  /** Whether the line holds any code (not only comments, strings' insides or blanks). */
  readonly code: boolean;
}

/** Per line: net depth change and whether it holds code. */
export function lineShapes(rule: AssemblyRule, lines: readonly string[]): LineShape[] {
  const text = lines.join('\n');
  const mask = codeMask(text, rule.lexicon);
  const [open, close] = rule.block === 'parens' ? ['(', ')'] : ['{', '}'];
  const shapes: LineShape[] = [];
  let offset = 0;
  // Open shell `case … esac` statements: there a `)` without its `(` ends a pattern.
  let cases = 0;
  for (const line of lines) {
    let delta = 0;
    let code = false;
    let parens = 0;
    for (let index = 0; index < line.length; index++) {
      if (!mask[offset + index]) continue;
      const character = line[index] as string;
      if (!/\s/.test(character)) code = true;
      if (rule.caseLabels) cases += caseKeyword(line, index);
      if (character === '(') parens++;
      if (character === ')' && parens-- === 0 && cases > 0) {
        parens = 0;
        continue;
      }
      if (character === open || (rule.block === 'braces' && character === '(')) delta++;
      else if (character === close || (rule.block === 'braces' && character === ')')) delta--;
    }
    shapes.push({ delta, code });
    offset += line.length + 1;
  }
  return shapes;
}

/** +1 where `line` has the word `case` at `index`, -1 for `esac`, else 0. */
function caseKeyword(line: string, index: number): number {
  if (index > 0 && /[\w$-]/.test(line[index - 1] as string)) return 0;
  const word = /^(case|esac)(?![\w-])/.exec(line.slice(index, index + 5))?.[1];
  return word === 'case' ? 1 : word === 'esac' ? -1 : 0;
}

const ANNOTATION = /^\s*(?:@\w|#\[)/;

/**
 * Splits code into top-level items. With `braces`/`parens` an item runs until its brackets
 * close (a `{` alone on the next line continues it, as in Allman style); with `end` a
 * definition runs to the `end` at its indentation. Comment and annotation lines join the item
 * below them.
 */
export function topLevelItems(rule: AssemblyRule, code: string): Item[] {
  const lines = code.split('\n');
  const shapes = lineShapes(rule, lines);
  const items: Item[] = [];
  let pending: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (!(shapes[index] as LineShape).code || ANNOTATION.test(line)) {
      pending.push(line);
      index++;
      continue;
    }
    const start = index;
    index =
      rule.block === 'end'
        ? endOfEndBlock(rule, lines, index)
        : endOfBrackets(lines, shapes, index);
    const name = definedName(rule, line);
    items.push({
      lines: [...pending, ...lines.slice(start, index)],
      header: line,
      ...(name === undefined ? {} : { name }),
    });
    pending = [];
  }
  if (pending.length > 0) items.push({ lines: pending, header: '' });
  return items;
}

/** The index after an item that starts at `index` and ends when its brackets close. */
function endOfBrackets(
  lines: readonly string[],
  shapes: readonly LineShape[],
  index: number,
): number {
  let depth = 0;
  let next = index;
  do {
    depth += (shapes[next] as LineShape).delta;
    next++;
    while (depth <= 0 && next < lines.length && /^\s*\{/.test(lines[next] as string)) {
      depth += (shapes[next] as LineShape).delta;
      next++;
    }
  } while (depth > 0 && next < lines.length);
  return next;
}

/** The index after a definition closed by the `end` at its own indentation (or its line). */
function endOfEndBlock(rule: AssemblyRule, lines: readonly string[], index: number): number {
  const line = lines[index] as string;
  if (definedName(rule, line) === undefined || /\bend\s*$/.test(line)) return index + 1;
  const indentation = indentOf(line);
  for (let next = index + 1; next < lines.length; next++) {
    const candidate = lines[next] as string;
    if (/^\s*end\b/.test(candidate) && indentOf(candidate) === indentation) return next + 1;
  }
  return index + 1;
}

const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;
