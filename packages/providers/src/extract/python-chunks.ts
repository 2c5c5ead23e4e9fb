/** A top-level statement of a Python program. */
export interface PythonChunk {
  readonly kind: 'import' | 'definition' | 'assignment' | 'main-guard' | 'other';
  /** Name defined (functions, classes, assigned names). */
  readonly name?: string;
  /** Source text, decorators included, without trailing blank lines. */
  readonly text: string;
}

/**
 * Splits Python source into top-level statements: a statement starts at a non-blank line in
 * column 0 outside brackets and triple-quoted strings; indented lines, continuation lines
 * and comments belong to the statement before them (decorators to the one after).
 */
export function pythonChunks(source: string): PythonChunk[] {
  const lines = source.replace(/\t/g, '    ').split('\n');
  const starts: number[] = [];
  let depth = 0;
  let quote: string | undefined;
  let continued = false;
  for (const [index, line] of lines.entries()) {
    const atStatementStart = depth === 0 && quote === undefined && !continued;
    if (atStatementStart && /^[^\s#]/.test(line)) {
      const previous = starts.at(-1);
      const decoratorAbove =
        previous !== undefined &&
        /^@/.test(lines[previous] as string) &&
        previous === lastCodeLine(lines, index);
      if (!decoratorAbove) starts.push(index);
    }
    ({ depth, quote } = scanLine(line, depth, quote));
    continued = quote === undefined && /\\\s*$/.test(line);
  }
  return starts.map((start, position) => {
    const end = starts[position + 1] ?? lines.length;
    const text = lines.slice(start, end).join('\n').replace(/\s+$/, '');
    return classify(text);
  });
}

function lastCodeLine(lines: readonly string[], before: number): number {
  for (let index = before - 1; index >= 0; index--)
    if ((lines[index] as string).trim() !== '') return index;
  return -1;
}

function classify(text: string): PythonChunk {
  const header = text.split('\n').find((line) => !line.startsWith('@')) ?? '';
  if (/^(import|from)\s/.test(header)) return { kind: 'import', text };
  const definition = /^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/.exec(header);
  if (definition) return { kind: 'definition', name: definition[1] as string, text };
  if (/^if\s+__name__\s*==/.test(header)) return { kind: 'main-guard', text };
  const assignment = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/.exec(header);
  if (assignment) return { kind: 'assignment', name: assignment[1] as string, text };
  return { kind: 'other', text };
}

/** Tracks bracket depth and open triple-quoted strings across one line. */
function scanLine(
  line: string,
  depth: number,
  quote: string | undefined,
): { depth: number; quote: string | undefined } {
  let index = 0;
  while (index < line.length) {
    if (quote !== undefined) {
      const end = line.indexOf(quote, index);
      if (end === -1) return { depth, quote };
      index = end + quote.length;
      quote = undefined;
      continue;
    }
    const char = line[index] as string;
    if (char === '#') break;
    if (line.startsWith('"""', index) || line.startsWith("'''", index)) {
      quote = line.slice(index, index + 3);
      index += 3;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = findStringEnd(line, index + 1, char);
      index = end + 1;
      continue;
    }
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    index++;
  }
  return { depth, quote };
}

function findStringEnd(line: string, from: number, quote: string): number {
  for (let index = from; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === quote) return index;
  }
  return line.length;
}
