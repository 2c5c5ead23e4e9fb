import type { Extraction, Problem } from '@passk/core';
import { truncateAtStop } from '@passk/core';
import { type FencedBlock, fencedBlocks } from './fenced-blocks.ts';
import { languageSyntax } from './language-syntax.ts';
import { sanitizePython } from './sanitize-python.ts';
import { stripReasoning } from './strip-reasoning.ts';

/**
 * The code in a chat answer, for `problem`:
 *
 * 1. reasoning traces are removed (`stripReasoning`);
 * 2. among fenced blocks, the one that defines the entry point in the problem's language wins
 *    (then a block tagged with the language, then an untagged one; the longest on ties);
 *    without fences, the whole answer is code if it defines the entry point or reads as
 *    code, otherwise nothing was found (`no-code`: the empty completion, a model failure);
 * 3. code that repeats the prompt continues it: the prompt is stripped, leaving a
 *    `completion` cut at the dataset's stop sequences, unless what the cut removes defines a
 *    helper the function calls (then the whole rest is kept, and program assembly moves the
 *    helper before the function: `fitAnswer`); in Python, where the repeated prompt defines
 *    the entry point, the answer is a whole program instead: step 4;
 * 4. code that defines the entry point is a whole program, a `solution`: in Python it is
 *    sanitized like EvalPlus (imports + definitions reachable from the entry point, helpers the
 *    prompt provides), elsewhere a `main` that would clash with the tests' is removed;
 * 5. anything else is a function body, a `completion` (Python bodies written at column 0 are
 *    indented to the function's level).
 *
 * The strategy string records the path: `<source>:<shape>` with source `fenced-block`,
 * `fenced-blocks` (Python helpers merged from several), `unfenced` or `no-code`, and shape
 * `program`, `prompt-stripped` or `body`, plus `+reasoning-stripped` when a trace was removed.
 */
export function extractCode(given: Problem, answer: string): Extraction {
  const problem = { ...given, entryPoint: declaredEntryPoint(given) };
  const { text, stripped } = stripReasoning(answer);
  const suffix = stripped ? '+reasoning-stripped' : '';
  const syntax = languageSyntax(problem.language);
  const blocks = fencedBlocks(text);
  let source: string;
  let code: string;
  if (blocks.length > 0) {
    const chosen = chooseBlock(blocks, problem);
    code = chosen.code;
    source = 'fenced-block';
    if (problem.language === 'python') {
      // Helpers the model put in other Python blocks are kept when the entry point needs them.
      const others = blocks.filter(
        (block) => block !== chosen && isLanguage(block, problem.language, true),
      );
      if (others.length > 0 && syntax.defines(code, problem.entryPoint)) {
        code = [code, ...others.map((block) => block.code)].join('\n\n');
        source = 'fenced-blocks';
      }
    }
  } else if (syntax.defines(text, problem.entryPoint) || readsAsCode(text, problem)) {
    code = text;
    source = 'unfenced';
  } else {
    return { code: '', kind: 'completion', strategy: `no-code${suffix}`, foundCode: false };
  }
  if (code.trim() === '')
    return { code: '', kind: 'completion', strategy: `no-code${suffix}`, foundCode: false };

  const remainder = afterPrompt(code, problem.prompt);
  if (
    remainder !== undefined &&
    // In Python a repeated prompt makes a whole program, which sanitizing cleans of the
    // model's own test code; elsewhere the stop sequences cut what follows the function.
    !(problem.language === 'python' && syntax.defines(code, problem.entryPoint))
  ) {
    const cut = truncateAtStop(remainder, problem.stopSequences);
    return {
      code: definesCalledHelper(remainder.slice(cut.length), cut, problem) ? remainder : cut,
      kind: 'completion',
      strategy: `${source}:prompt-stripped${suffix}`,
      foundCode: true,
    };
  }
  if (syntax.defines(code, problem.entryPoint)) {
    const program =
      problem.language === 'python'
        ? (sanitizePython(code, problem.entryPoint, problem.prompt) ?? code)
        : (syntax.removeMain?.(code) ?? code);
    return {
      code: program,
      kind: 'solution',
      strategy: `${source}:program${suffix}`,
      foundCode: true,
    };
  }
  const body = problem.language === 'python' ? indentPythonBody(code) : code;
  return { code: body, kind: 'completion', strategy: `${source}:body${suffix}`, foundCode: true };
}

function isLanguage(block: FencedBlock, language: string, orUntagged: boolean): boolean {
  if (block.tag === '') return orUntagged;
  return languageSyntax(language).tags.includes(block.tag);
}

function chooseBlock(blocks: readonly FencedBlock[], problem: Problem): FencedBlock {
  const syntax = languageSyntax(problem.language);
  const score = (block: FencedBlock) =>
    (syntax.defines(block.code, problem.entryPoint) ? 4 : 0) +
    (isLanguage(block, problem.language, false) ? 2 : block.tag === '' ? 1 : 0);
  let best = blocks[0] as FencedBlock;
  for (const block of blocks) {
    const difference = score(block) - score(best);
    if (difference > 0 || (difference === 0 && block.code.length > best.code.length)) best = block;
  }
  return best;
}

/** Words followed by `(` that are not calls (`if (…) {` reads like a C-family definition). */
const CALL_LIKE_KEYWORDS = new Set(
  'if elif while for foreach switch catch return using lock fixed sizeof typeof function new await yield throw case and or not in'.split(
    ' ',
  ),
);

/**
 * Whether `rest` (what the stop sequences cut from a completion) defines a function that
 * `kept` calls: an answer that repeats the prompt and writes its helpers after the function.
 */
function definesCalledHelper(rest: string, kept: string, problem: Problem): boolean {
  if (rest.trim() === '') return false;
  const syntax = languageSyntax(problem.language);
  const called = new Set(
    [...kept.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)]
      .map((match) => match[1] as string)
      .filter((name) => !CALL_LIKE_KEYWORDS.has(name) && name !== problem.entryPoint),
  );
  return [...called].some((name) => syntax.defines(rest, name));
}

/** The code after a repeated prompt (compared line by line, ignoring trailing whitespace). */
function afterPrompt(code: string, prompt: string): string | undefined {
  const normalize = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n+$/, '');
  const expected = normalize(prompt);
  if (expected.trim() === '') return undefined;
  const normalized = normalize(code);
  if (!normalized.startsWith(expected)) return undefined;
  const rest = normalized.slice(expected.length);
  if (rest !== '' && !rest.startsWith('\n') && !/[{:(]$/.test(expected)) return undefined;
  return rest.replace(/^\n/, '');
}

const CODE_START =
  /^(\s+\S|def |class |import |from |return\b|function |const |let |var |public |private |static |#include|package |fn |func |use |if\s*\(|for\s*\(|while\s*\(|\{|\}|@)/;

/** Whether an unfenced answer reads as code: most of its non-blank lines look like code. */
function readsAsCode(text: string, problem: Problem): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  if (problem.language === 'python' && /^\s+\S/.test(lines[0] as string)) return true;
  const codeLike = lines.filter(
    (line) => CODE_START.test(line) || /[;{}]\s*$/.test(line) || /^\s*(#|\/\/|--)/.test(line),
  );
  return codeLike.length / lines.length >= 0.8;
}

/** A Python body written at column 0 is indented by four spaces (the prompt's function level). */
function indentPythonBody(code: string): string {
  const lines = code.split('\n');
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined || /^\s/.test(first)) return code;
  return lines.map((line) => (line.trim() === '' ? line : `    ${line}`)).join('\n');
}

/**
 * The entry point as the prompt declares it: translations rename it (MultiPL-E's C++
 * `string_length` for HumanEval's `strlen`), so the name that the prompt's last lines define
 * wins over `problem.entryPoint` when that one is not defined there.
 */
function declaredEntryPoint(problem: Problem): string {
  const syntax = languageSyntax(problem.language);
  if (syntax.defines(problem.prompt, problem.entryPoint)) return problem.entryPoint;
  const tail = problem.prompt.trimEnd().split('\n').slice(-3).join('\n');
  const names = [...tail.matchAll(/[A-Za-z_][\w-]*/g)].map((match) => match[0]);
  const declared = names.filter((name) => syntax.defines(tail, name));
  return declared.at(-1) ?? problem.entryPoint;
}
