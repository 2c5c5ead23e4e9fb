import type { Problem } from '@passk/core';
import type { VisibleExample, VisibleTestSet } from './visible-tests.ts';

/**
 * The `>>>` examples of a Python prompt's docstrings: the call on the `>>>` line and the
 * expected value on the lines after it (up to a blank line, the next `>>>` or the docstring's
 * end). Examples without an expected value (statements) or whose expected output is a
 * traceback are left out: they cannot be checked by comparing values.
 */
export function pythonDocstringExamples(prompt: string): VisibleExample[] {
  const lines = prompt.split('\n');
  const examples: VisibleExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = /^\s*>>>\s?(.*)$/.exec(lines[index] as string)?.[1];
    const call = line === undefined ? undefined : withoutComment(line).trim();
    if (!call) continue;
    const expected: string[] = [];
    for (let next = index + 1; next < lines.length; next++) {
      const text = (lines[next] as string).trim();
      if (text === '' || text.startsWith('>>>')) break;
      const end = text.search(/"""|'''/);
      if (end !== -1) {
        if (end > 0) expected.push(text.slice(0, end).trim());
        break;
      }
      expected.push(text);
    }
    const value = expected.join(' ');
    if (value === '' || value.startsWith('Traceback') || !call.includes('(')) continue;
    examples.push({ input: call, expected: value });
  }
  return examples;
}

/**
 * Visible tests of a human-eval-format problem: its docstring examples as a
 * `check(candidate)` function of value comparisons, each failing with `example <n>: <call>
 * returned <actual>, expected <expected>`. Undefined when the prompt shows no example.
 */
export function humanEvalVisibleTests(problem: Problem): VisibleTestSet | undefined {
  const examples = pythonDocstringExamples(problem.prompt);
  if (examples.length === 0) return undefined;
  const checks = examples.map((example, index) => {
    const label = JSON.stringify(`example ${index + 1}: ${example.input} returned `);
    const wanted = JSON.stringify(`, expected ${example.expected}`);
    return [
      `    _passk_actual = (${example.input})`,
      `    assert _passk_actual == (${example.expected}), ${label} + repr(_passk_actual) + ${wanted}`,
    ].join('\n');
  });
  return {
    examples,
    problem: { ...problem, tests: `\n\ndef check(candidate):\n${checks.join('\n')}\n` },
  };
}

/**
 * Visible tests of an MBPP problem: the first of its asserts, the one its prompt shows, with
 * the message `example 1: <assert> failed`.
 */
export function mbppVisibleTests(problem: Problem): VisibleTestSet | undefined {
  const first = problem.tests
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('assert'));
  if (first === undefined || !problem.prompt.includes(first)) return undefined;
  const message = JSON.stringify(`example 1: ${first} failed`);
  return {
    examples: [{ input: first }],
    problem: { ...problem, tests: `${first}, ${message}` },
  };
}

/** `text` without a trailing `# comment` (a `#` inside a string literal is kept). */
function withoutComment(text: string): string {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quote !== undefined) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '#') return text.slice(0, index);
  }
  return text;
}
