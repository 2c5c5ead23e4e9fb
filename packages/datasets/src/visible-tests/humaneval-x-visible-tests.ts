import type { Problem } from '@passk/core';
import type { HumanEvalXMetadata } from '../humaneval-x/parse-humaneval-x-problems.ts';
import { closingBracket, plainLiteral, rewriteCalls, topLevelParts } from './internal/code-scan.ts';
import type { VisibleTestSet } from './visible-tests.ts';

/**
 * Visible tests of a HumanEval-X problem: the record's own `example_test` (CodeGeeX's test of
 * the docstring examples, in the shape of the hidden test, so the program is assembled and
 * judged as the hidden one is), with each check labelled so that a failure says `example <n>:`:
 * Python asserts get a message, JavaScript's `console.assert`, C++'s `assert` and Go's
 * `assert.Equal` a message argument, Java's `AssertionError` the index of the first false
 * entry of its list. Undefined for Rust (its records have no example test) and for a test
 * none of whose checks can be labelled.
 */
export function humanEvalXVisibleTests(problem: Problem): VisibleTestSet | undefined {
  const metadata = problem.metadata as unknown as Partial<HumanEvalXMetadata>;
  const test = metadata.exampleTest;
  if (test === undefined || metadata.humanEvalXLanguage === undefined) return undefined;
  const labelled = LABELLERS[metadata.humanEvalXLanguage]?.(test);
  if (labelled === undefined || labelled.checks.length === 0) return undefined;
  return {
    examples: labelled.checks.map((check) => ({ input: check })),
    problem: { ...problem, tests: labelled.text },
  };
}

interface Labelled {
  readonly text: string;
  /** The checked expressions, in order. */
  readonly checks: readonly string[];
}

const message = (n: number, check: string) => plainLiteral(`example ${n}: ${check}`);

const LABELLERS: Partial<
  Record<HumanEvalXMetadata['humanEvalXLanguage'], (test: string) => Labelled | undefined>
> = {
  python: labelPythonAsserts,
  js: (test) =>
    labelCalls(test, /\bconsole\.assert\(/, (args, n) => `${args}, ${message(n, args)}`),
  cpp: (test) => labelCalls(test, /\bassert\s*\(/, (args, n) => `(${args}) && ${message(n, args)}`),
  go: (test) => labelCalls(test, /\bassert\.Equal\(/, (args, n) => `${args}, ${message(n, args)}`),
  java: labelJavaList,
};

function labelCalls(
  test: string,
  opener: RegExp,
  render: (args: string, n: number) => string,
): Labelled {
  const { text, calls } = rewriteCalls(test, opener, render);
  return { text, checks: calls.map((call) => call.trim()) };
}

/**
 * Python: each `assert <expr>` statement (continued over lines while a bracket is open) gets
 * the message (in place of its own); `assert True` lines (CodeGeeX's "this prints if this assert fails") are kept
 * as they are and not counted.
 */
function labelPythonAsserts(test: string): Labelled {
  const lines = test.split('\n');
  const checks: string[] = [];
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const head = /^(\s*)assert\s+(.*)$/.exec(line);
    if (head === null || /^True\b/.test(head[2] as string)) {
      out.push(line);
      continue;
    }
    let statement = line;
    let last = index;
    while (!balanced(statement) && last + 1 < lines.length) {
      last++;
      statement += `\n${lines[last]}`;
    }
    // An assert's own message (`, "Test 6"`) gives way to the label.
    const parts = topLevelParts(statement.replace(/^\s*assert\s+/, ''));
    const expression = parts[0] as string;
    if (!balanced(statement) || parts.length > 2) {
      out.push(...lines.slice(index, last + 1));
    } else {
      checks.push(expression);
      const indent = head[1] as string;
      out.push(`${indent}assert ${expression}, ${message(checks.length, expression)}`);
    }
    index = last;
  }
  return { text: out.join('\n'), checks };
}

/** Java: the entries of `Arrays.asList(...)`; the `AssertionError` names the first false one. */
function labelJavaList(test: string): Labelled | undefined {
  const list = /Arrays\.asList\(/.exec(test);
  const thrown = 'throw new AssertionError();';
  if (list === null || !test.includes(thrown)) return undefined;
  const close = closingBracket(test, list.index + list[0].length - 1);
  if (close === -1) return undefined;
  const checks = topLevelParts(test.slice(list.index + list[0].length, close));
  const text = test.replace(
    thrown,
    'throw new AssertionError("example " + (correct.indexOf(false) + 1) + ": is false");',
  );
  return { text, checks };
}

function balanced(text: string): boolean {
  const open = text.search(/[([{]/);
  if (open === -1) return true;
  let index = open;
  while (index !== -1 && index < text.length) {
    const close = closingBracket(text, index);
    if (close === -1) return false;
    const next = text.slice(close + 1).search(/[([{]/);
    index = next === -1 ? -1 : close + 1 + next;
  }
  return true;
}
