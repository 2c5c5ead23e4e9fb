import type { Candidate } from '@passk/core';
import type { AssemblyRule } from './assembly-rules.ts';
import { balance, codeMask } from './code-mask.ts';
import { definedName, type Item, lineShapes, topLevelItems } from './internal/top-level-items.ts';

/** What the benchmark puts around the model's code. */
export interface AnswerContext {
  /** The language's assembly rule; undefined uses candidates as they are. */
  readonly rule: AssemblyRule | undefined;
  /** The prompt the program starts with (the part a whole solution takes the place of). */
  readonly prompt: string;
  /** The benchmark's test code that follows, untouched. */
  readonly tests: string;
  /** The function under test. */
  readonly entryPoint: string;
  /** Other program text whose imports count as present (HumanEval-X Go's test setup). */
  readonly present?: string;
}

/**
 * The code that stands before the tests, for `candidate`:
 *
 * - a `solution` (a whole function or program defining the entry point) takes the place of the
 *   prompt's declaration (the entry point's definition and the comments above it): what the
 *   prompt has before it stays (includes, imports, the `Problem` class opening, `<?php`,
 *   `#lang`, `package`); the answer's imports are hoisted next to the prompt's (those already
 *   there are not repeated), a class wrapping the entry point is unwrapped into the prompt's
 *   container, the answer's `main`, its driver statements and its definitions of names the
 *   tests or the prompt define are dropped, helpers stay, and the entry point comes last;
 * - a body extracted from a chat answer (`source: 'answer'`) completes the prompt (without the
 *   preamble lines and PHP's `?>`, after which PHP would print the tests as text);
 * - then, for bracket languages, the brackets are made to balance with the tests': closers the
 *   prompt left open are added, and closers the tests bring themselves (MultiPL-E's tests begin
 *   by closing the function) are removed from the end. Languages closed by `end` get the `end`
 *   a body lacks.
 *
 * Other completions continue the prompt verbatim (`prompt + code`), as the reference harnesses
 * assemble them; Python solutions are used as extraction left them.
 */
export function fitAnswer(context: AnswerContext, candidate: Candidate): string {
  const { rule, prompt } = context;
  if (candidate.kind === 'solution') {
    if (rule === undefined || rule.block === 'indent') return candidate.code;
    return balanceWithTests(rule, assembleSolution(rule, context, candidate.code), context.tests);
  }
  if (candidate.source !== 'answer' || rule === undefined) return prompt + candidate.code;
  const body = withoutPreamble(rule, candidate.code);
  if (rule.block === 'end') {
    const closed = /^end\b/m.test(body);
    return closed ? prompt + body : `${prompt}${body.replace(/\s*$/, '')}\nend\n`;
  }
  return balanceWithTests(rule, completeBody(rule, context, body), context.tests);
}

/**
 * `prompt + body`, where what a body adds after the brace that closes the prompt's function
 * (its helpers, a `main`, driver statements, the container's closing brace) is sorted like a
 * solution's items: helpers move before the prompt's declaration (the tests follow the function
 * directly and begin by closing it in MultiPL-E), the rest is dropped.
 */
function completeBody(rule: AssemblyRule, given: AnswerContext, body: string): string {
  const { prompt } = given;
  if (rule.block !== 'braces') return prompt + body;
  const depthOf = (lines: readonly string[]) =>
    lineShapes(rule, lines).reduce((sum, shape) => sum + shape.delta, 0);
  const open = depthOf(prompt.split('\n'));
  if (open <= 0) return prompt + body;
  const lines = body.split('\n');
  const shapes = lineShapes(rule, lines);
  let depth = open;
  const closing = shapes.findIndex((shape) => {
    depth += shape.delta;
    return depth < open;
  });
  if (closing < 0) return prompt + body;
  const tail = lines.slice(closing + 1).join('\n');
  if (!lineShapes(rule, tail.split('\n')).some((shape) => shape.code)) return prompt + body;
  const context = { ...given, entryPoint: declaredName(rule, prompt) ?? given.entryPoint };
  const declaration = promptHead(rule, prompt, context.entryPoint);
  // Helpers go after a shebang the prompt starts with, at least.
  const first = prompt.slice(0, prompt.indexOf('\n') + 1);
  const head = declaration === '' && rule.preamble?.test(first) ? first : declaration;
  const imports: string[] = [];
  const keep = itemFilter(rule, context, head, imports);
  const function_ = `${lines.slice(0, closing + 1).join('\n')}\n`;
  const helpers = withoutEntryCallers(
    rule,
    topLevelItems(rule, tail).filter(
      (item) => item.header !== '' && !sameName(item.name, context.entryPoint) && keep(item),
    ),
    context.entryPoint,
    function_,
  ).map((item) => item.lines.join('\n').replace(/^\n+|\s+$/g, ''));
  const rest = prompt.slice(head.length);
  const before = helpers.length === 0 ? '' : `${helpers.join('\n')}\n`;
  return `${insertAfterImports(rule, head, imports)}${before}${rest}${function_}`;
}

/** `code` without the lines the prompt already has once or that must go (PHP's `?>`). */
function withoutPreamble(rule: AssemblyRule, code: string): string {
  return code
    .split('\n')
    .filter((line) => !rule.preamble?.test(line) && !rule.strip?.test(line))
    .join('\n');
}

function assembleSolution(rule: AssemblyRule, given: AnswerContext, code: string): string {
  // Translations rename the entry point (MultiPL-E's C++ `string_length` for `strlen`): the
  // prompt's last definition is its declaration.
  const context = { ...given, entryPoint: declaredName(rule, given.prompt) ?? given.entryPoint };
  const cleaned = withoutPreamble(rule, code);
  const head = promptHead(rule, context.prompt, context.entryPoint);
  const items = topLevelItems(rule, cleaned);
  const wrapper = rule.container
    ? items.find(
        (item) =>
          rule.container?.test(item.header) &&
          item.lines.some((line) => sameName(definedName(rule, line), context.entryPoint)),
      )
    : undefined;
  const members = wrapper ? topLevelItems(rule, innerLines(wrapper).join('\n')) : items;
  const outside = wrapper ? items.filter((item) => item !== wrapper) : [];

  const imports: string[] = [];
  const keep = itemFilter(rule, context, head, imports);
  const kept = members.filter(keep);
  const before = outside.filter(keep).map((item) => item.lines.join('\n'));
  const entry = kept.find((item) => sameName(item.name, context.entryPoint));
  const ordered = entry
    ? [
        ...withoutEntryCallers(
          rule,
          kept.filter((item) => item !== entry),
          entry.name ?? context.entryPoint,
          entry.lines.join('\n'),
        ),
        entry,
      ]
    : kept;
  const body = ordered
    .map((item) => item.lines.join('\n'))
    .join('\n')
    .replace(/^\n+|\s+$/g, '');
  return `${insertAfterImports(rule, head, [...imports, ...before])}${body}`;
}

/**
 * Whether an answer's top-level item stays: imports are collected into `imports` (those the
 * program has are not repeated) and leave the item list; mains, definitions of names the tests
 * or the prompt's head define, driver statements and stray closers are dropped.
 */
function itemFilter(
  rule: AssemblyRule,
  context: AnswerContext,
  head: string,
  imports: string[],
): (item: Item) => boolean {
  const known = new Set<string>();
  for (const text of [context.tests, head]) {
    for (const line of text.split('\n')) {
      const name = definedName(rule, line);
      if (name !== undefined && !sameName(name, context.entryPoint)) known.add(name);
    }
  }
  for (const name of rule.mains ?? []) known.add(name);

  const present = `${head}\n${context.present ?? ''}`;
  const presentLines = new Set(present.split('\n').map((line) => line.trim()));
  return (item: Item): boolean => {
    if (rule.imports?.test(item.header)) {
      if (rule.importedNames && rule.importLine) {
        for (const name of rule.importedNames(item.lines.join('\n'))) {
          const line = rule.importLine(name);
          if (!present.includes(`"${name}"`) && !imports.includes(line)) imports.push(line);
        }
      } else if (!presentLines.has(item.header.trim())) imports.push(item.lines.join('\n'));
      return false;
    }
    if (item.name !== undefined)
      return sameName(item.name, context.entryPoint) || !known.has(item.name);
    // A closer left over from a function the answer continued (`}` after its own function).
    if (/^\s*[)}\]]+\s*;?\s*$/.test(item.header) && item.lines.at(-1) === item.header) return false;
    return item.header === '' || !rule.driver?.test(item.header);
  };
}

/**
 * `helpers` without those that call the entry point `entryPoint` (defined by `entryCode`) while
 * it does not use them, where names must be declared before use: the answer's own test
 * functions, which would stand before the entry point and not compile.
 */
function withoutEntryCallers(
  rule: AssemblyRule,
  helpers: readonly Item[],
  entryPoint: string,
  entryCode: string,
): readonly Item[] {
  if (rule.declareBeforeUse !== true) return helpers;
  const calls = (code: string, name: string) => new RegExp(String.raw`\b${name}\s*\(`).test(code);
  const uses = (code: string, name: string) => new RegExp(String.raw`\b${name}\b`).test(code);
  return helpers.filter(
    (item) =>
      item.name === undefined ||
      !calls(item.lines.join('\n'), entryPoint) ||
      uses(entryCode, item.name),
  );
}

/** The name the prompt's last definition defines. */
function declaredName(rule: AssemblyRule, prompt: string): string | undefined {
  const names = prompt.split('\n').map((line) => definedName(rule, line));
  return names.filter((name) => name !== undefined).at(-1);
}

/**
 * Whether a defined name is the benchmark's entry point, as each translation spells it
 * (`has_close_elements`, Java's `hasCloseElements`, C#'s `HasCloseElements`).
 */
function sameName(name: string | undefined, entryPoint: string): boolean {
  if (name === undefined) return false;
  const plain = (text: string) => text.replaceAll('_', '').toLowerCase();
  return plain(name) === plain(entryPoint);
}

/** The lines inside a container item (between its opening line and its closing brace). */
function innerLines(item: Item): string[] {
  const lines = item.lines.slice(item.lines.indexOf(item.header) + 1);
  if (/^\s*\{\s*$/.test(lines[0] ?? '')) lines.shift();
  while (lines.length > 0 && !/\}\s*;?\s*$/.test(lines.at(-1) as string)) lines.pop();
  const last = (lines.pop() ?? '').replace(/\}\s*;?\s*$/, '');
  if (last.trim() !== '') lines.push(last);
  return lines;
}

/**
 * The prompt up to its declaration: the lines before the entry point's definition, without the
 * comments and blank lines right above it ('' when the prompt does not define it).
 */
function promptHead(rule: AssemblyRule, prompt: string, entryPoint: string): string {
  const lines = prompt.split('\n');
  const definition = lines.findIndex((line) => sameName(definedName(rule, line), entryPoint));
  if (definition <= 0) return '';
  const shapes = lineShapes(rule, lines);
  let start = definition;
  while (start > 0 && !shapes[start - 1]?.code) start--;
  return start === 0 ? '' : `${lines.slice(0, start).join('\n')}\n`;
}

/** `head` with `additions` after its last import (or preamble) line. */
function insertAfterImports(
  rule: AssemblyRule,
  head: string,
  additions: readonly string[],
): string {
  if (additions.length === 0) return head;
  const lines = head.replace(/\n$/, '').split('\n');
  let at = -1;
  lines.forEach((line, index) => {
    if (rule.imports?.test(line) || (at === -1 && rule.preamble?.test(line))) at = index;
  });
  if (at >= 0 && /\(\s*$/.test(lines[at] as string)) {
    while (at < lines.length - 1 && !/^\s*\)/.test(lines[at] as string)) at++;
  }
  lines.splice(at + 1, 0, ...additions);
  const joined = lines.join('\n');
  return head === '' ? `${joined}\n` : `${joined}\n`;
}

/**
 * `code` with as many closers added at its end, or removed from its end, as make its brackets
 * and the tests' balance (MultiPL-E's tests begin by closing the function; HumanEval-X's do not).
 */
function balanceWithTests(rule: AssemblyRule, code: string, tests: string): string {
  if (rule.block !== 'braces' && rule.block !== 'parens') return code;
  const [open, close] = rule.block === 'parens' ? ['(', ')'] : ['{', '}'];
  const net = balance(code, rule.lexicon, open, close) + balance(tests, rule.lexicon, open, close);
  if (net === 0) return code;
  if (net > 0) return `${code.replace(/\s*$/, '')}\n${`${close}\n`.repeat(net)}`;
  let result = code;
  for (let missing = -net; missing > 0; missing--) {
    const mask = codeMask(result, rule.lexicon);
    let index = result.length - 1;
    while (index >= 0 && (!mask[index] || /\s/.test(result[index] as string))) index--;
    if (index < 0 || result[index] !== close) break;
    result = result.slice(0, index) + result.slice(index + 1);
  }
  return `${result.replace(/\s*$/, '')}\n`;
}
