/**
 * Parses one JSON text as Python's `json` module writes it, which may contain the bare tokens
 * `NaN`, `Infinity` and `-Infinity` (EvalPlus's MBPP+ inputs do). Those become `null`: passk's
 * TypeScript side only counts and forwards records, while the Python runner reads the data
 * file itself with Python's `json`, which keeps their values.
 *
 * @throws SyntaxError when the text is not JSON even with those tokens replaced.
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
  }
  return JSON.parse(replaceNonFiniteTokens(text));
}

/** Replaces `NaN`, `Infinity` and `-Infinity` outside string literals with `null`. */
function replaceNonFiniteTokens(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[index + 1] ?? '';
        index++;
      } else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((name) => text.startsWith(name, index));
    if (token !== undefined) {
      out += 'null';
      index += token.length - 1;
      continue;
    }
    out += char;
  }
  return out;
}
