import type { Problem } from '@passk/core';
import { closingBracket, expressionEnd, plainLiteral } from './internal/code-scan.ts';
import type { VisibleExample, VisibleTestSet } from './visible-tests.ts';

/**
 * How a check of one MultiPL-E language is labelled: the assertion line (the first hidden
 * one, with the example's call and expected value put in) rewritten to fail with the message.
 */
type Labeller = (line: string, message: string) => string | undefined;

const lastParen = (line: string, insert: (at: number) => string) => {
  const at = line.lastIndexOf(')');
  return at === -1 ? undefined : insert(at);
};

/** Languages with visible tests, by MultiPL-E code. */
const LABELLERS: Readonly<Record<string, Labeller>> = {
  py: (line, message) => `${line.replace(/\s+$/, '')}, ${message}`,
  // `assert.deepEqual(a, e)`, `lu.assertEquals(a, e)`, `assert_eq!(a, e)`: a message argument.
  js: (line, message) =>
    lastParen(line, (at) => `${line.slice(0, at)}, ${message}${line.slice(at)}`),
  ts: (line, message) =>
    lastParen(line, (at) => `${line.slice(0, at)}, ${message}${line.slice(at)}`),
  lua: (line, message) =>
    lastParen(line, (at) => `${line.slice(0, at)}, ${message}${line.slice(at)}`),
  rs: (line, message) =>
    lastParen(line, (at) => `${line.slice(0, at)}, ${message}${line.slice(at)}`),
  // `assert(c);` → `assert((c) && "…");` (the message is part of what `assert` prints).
  cpp: (line, message) => {
    const open = line.indexOf('assert(');
    const close = open === -1 ? -1 : closingBracket(line, open + 6);
    if (close === -1) return undefined;
    const condition = line.slice(open + 7, close);
    return `${line.slice(0, open)}assert((${condition}) && ${message})${line.slice(close + 1)}`;
  },
  // `assert(c);` → `assert(c) : "…";` (Java's assert message; MultiPL-E runs with `-ea`).
  java: (line, message) =>
    /;\s*$/.test(line) ? line.replace(/;\s*$/, ` : ${message};`) : undefined,
  // `if (a !== e) { throw new Exception("Test failed!"); }`: the exception's message.
  php: (line, message) =>
    line.includes('"Test failed!"') ? line.replace('"Test failed!"', message) : undefined,
};

/** MultiPL-E codes whose problems have visible tests (the others get `run_code` only). */
export const MULTIPL_E_VISIBLE_TEST_LANGUAGES: readonly string[] = Object.keys(LABELLERS);

/**
 * The `>>>` examples of a MultiPL-E prompt whose `doctests` field is `transform`: MultiPL-E
 * translated the docstring's examples into the language (`// >>> f((3.5f))` then `// (0.5f)`
 * in C++), in comment lines (`//`, `///`, `#`, `--`, `;;`, or none inside a Python
 * docstring). The expected value is the line after the call (MultiPL-E writes it on one).
 */
export function multiplEExamples(prompt: string): VisibleExample[] {
  const lines = prompt.split('\n').map((line) => {
    const comment = /^\s*(\/\/\/?|--|#|;;+|\*)?\s?(.*)$/.exec(line);
    return { text: (comment?.[2] ?? '').trim(), commented: comment?.[1] !== undefined };
  });
  const examples: VisibleExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const { text: head, commented } = lines[index] as { text: string; commented: boolean };
    const call = /^>>>\s?(.*)$/.exec(head)?.[1]?.trim();
    if (!call) continue;
    // MultiPL-E writes each translated value on one line; prose may follow without a blank.
    const next = lines[index + 1];
    if (next === undefined || next.commented !== commented) continue;
    const value = next.text.replace(/("""|''').*$/, '').trim();
    if (value !== '' && !value.startsWith('>>>')) examples.push({ input: call, expected: value });
  }
  return examples;
}

/**
 * Visible tests of a MultiPL-E problem (`multipl-e/<code>`) whose record says `doctests:
 * transform`: its hidden test program with the assertion lines replaced by one per prompt
 * example, each made from the first hidden assertion (the example's call and expected value
 * in place of the hidden ones, so the same comparison, harness and judge apply) and labelled
 * to fail with `example <n>: <call>`. Undefined for a language without a labeller
 * ({@link MULTIPL_E_VISIBLE_TEST_LANGUAGES}), a prompt without examples, or a test whose
 * assertions are not one line each of the form `<call> <==, !==, === or ,> <expected>`.
 */
export function multiplEVisibleTests(problem: Problem): VisibleTestSet | undefined {
  const code = problem.metadata?.multiplELanguage;
  const label = typeof code === 'string' ? LABELLERS[code] : undefined;
  if (label === undefined || problem.metadata?.doctests !== 'transform') return undefined;
  const examples = multiplEExamples(problem.prompt);
  const name = /^([\w$.:]+)\s*\(/.exec(examples[0]?.input ?? '')?.[1];
  if (name === undefined) return undefined;
  const lines = problem.tests.split('\n');
  const assertions = lines
    .map((line, index) => ({ index, parts: assertionParts(line, name) }))
    .filter((entry) => entry.parts !== undefined);
  const first = assertions[0]?.parts;
  if (first === undefined) return undefined;
  const checks: string[] = [];
  for (const [n, example] of examples.entries()) {
    const line = `${first.before}${example.input}${first.between}${example.expected}${first.after}`;
    const labelled = label(
      line,
      plainLiteral(`example ${n + 1}: ${example.input}`, code === 'php' ? "'" : '"'),
    );
    if (labelled === undefined) return undefined;
    checks.push(labelled);
  }
  const skip = new Set(assertions.map((entry) => entry.index));
  const firstIndex = assertions[0]?.index as number;
  // A hidden check this did not recognise (one spread over lines, a table of cases) would
  // stay in the program: no visible tests rather than a program holding hidden cases.
  if (lines.some((line, index) => !skip.has(index) && callsWithData(line, name))) return undefined;
  const tests = lines.flatMap((line, index) =>
    index === firstIndex ? checks : skip.has(index) ? [] : [line],
  );
  return { examples, problem: { ...problem, tests: tests.join('\n') } };
}

/**
 * An assertion line split around its call of the function under test (`candidate(…)`,
 * `$candidate->(…)` or `name(…)`) and the expected value after `==`, `===`, `!=`, `!==`, `,`
 * or `.equals(`; undefined for any other line.
 */
function assertionParts(
  line: string,
  name: string,
): { before: string; between: string; after: string } | undefined {
  const call = new RegExp(
    `(?:\\$candidate->|\\bcandidate|(?<![\\w$.])${escapeRegExp(name)})\\s*\\(`,
  ).exec(line);
  if (call === null) return undefined;
  const close = closingBracket(line, call.index + call[0].length - 1);
  if (close === -1) return undefined;
  const separator = /^\s*(?:===|!==|==|!=|,|\.equals\()\s*/.exec(line.slice(close + 1));
  if (separator === null) return undefined;
  const start = close + 1 + separator[0].length;
  const end = expressionEnd(line, start);
  if (end <= start) return undefined;
  return {
    before: line.slice(0, call.index),
    between: line.slice(close + 1, start),
    after: line.slice(end),
  };
}

/** True when `line` calls the function under test with literal data (a hidden case). */
function callsWithData(line: string, name: string): boolean {
  const pattern = new RegExp(
    `(?:\\$candidate->|\\bcandidate|(?<![\\w$.])${escapeRegExp(name)})\\s*\\(`,
    'g',
  );
  for (const call of line.matchAll(pattern)) {
    const open = (call.index as number) + call[0].length - 1;
    const close = closingBracket(line, open);
    if (close === -1 || /["'\d[{]/.test(line.slice(open + 1, close))) return true;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
