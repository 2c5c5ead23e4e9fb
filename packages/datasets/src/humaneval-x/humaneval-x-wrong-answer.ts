import type { Problem } from '@passk/core';
import type { HumanEvalXLanguage } from './humaneval-x-files.ts';

/** The text between the parenthesis at `open` and its match, and the index after the match. */
function balanced(text: string, open: number): { inner: string; end: number } | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0)
      return { inner: text.slice(open + 1, index), end: index + 1 };
  }
  return undefined;
}

/** Splits `text` at commas outside brackets, braces and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if ('([{<'.includes(char)) depth++;
    else if (')]}>'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** `*new(T)` per result type of the last Go function signature in `prompt`. */
function goZeroValues(prompt: string, entryPoint: string): string {
  const at = prompt.lastIndexOf(`func ${entryPoint}(`);
  const parameters = at < 0 ? undefined : balanced(prompt, prompt.indexOf('(', at));
  if (parameters === undefined) return 'panic("passk selftest: no signature")';
  // The prompt ends with the signature's opening brace; result types may contain braces.
  const rest = prompt.slice(parameters.end, prompt.lastIndexOf('{')).trim();
  const results = rest.startsWith('(') ? splitTopLevel(rest.slice(1, -1)) : [rest];
  return `return ${results.map((type) => `*new(${type.replace(/^\w+\s+(?=\S)/, '')})`).join(', ')}`;
}

/** A default value of the Java return type of `entryPoint` in `prompt`. */
function javaDefault(prompt: string, entryPoint: string): string {
  const match = new RegExp(`public\\s+([\\w<>,\\s\\[\\]?]+?)\\s+${entryPoint}\\s*\\(`).exec(prompt);
  const type = (match?.[1] ?? '').trim();
  if (type === 'boolean') return 'false';
  if (['int', 'long', 'short', 'byte', 'double', 'float'].includes(type)) return '0';
  if (type === 'char') return "' '";
  if (type === 'String') return '""';
  if (/^(List|ArrayList|Collection)\b/.test(type)) return 'new ArrayList<>()';
  if (/^(Map|HashMap)\b/.test(type)) return 'new HashMap<>()';
  if (/^Optional\b/.test(type)) return 'Optional.empty()';
  return 'null';
}

/**
 * A completion for `problem` that compiles and returns a type-correct default value (`None`,
 * `{}`, `0`/`false`/`""`/an empty list, `undefined`, Go's zero values, `Default::default()`):
 * a wrong answer for every HumanEval-X task, used as a must-fail control by `passk selftest`.
 */
export function humanEvalXWrongAnswer(language: HumanEvalXLanguage, problem: Problem): string {
  switch (language) {
    case 'python':
      return '    return None\n';
    case 'cpp':
      return '    return {};\n}\n';
    case 'java':
      return `        return ${javaDefault(problem.prompt, problem.entryPoint)};\n    }\n}\n`;
    case 'js':
      return '  return undefined;\n}\n';
    case 'go':
      return `    ${goZeroValues(problem.prompt, problem.entryPoint)}\n}\n`;
    case 'rust':
      return '    return Default::default();\n}\n';
  }
}
