import type { Step } from '@passk/core';
import { assetText } from '../internal/asset-path.ts';
import { type OutputJudgeProgram, outputJudgeSteps } from '../internal/output-judge.ts';
import { type CppTestSplit, splitCppTests } from './split-cpp-tests.ts';

/** passk's canonical form of C++ values (`passk_judge::show`, `passk_judge::Values`), in assets. */
const CPP_SHOW = 'cpp/passk-show.hpp';

/** The headers MultiPL-E's C++ prompts start with (so the precompiled header set applies). */
const PROMPT_HEADERS = '#include<assert.h>\n#include<bits/stdc++.h>\n';

/** Names the candidate's part defines as macros (`#define NAME`, after line splicing). */
export function definedMacros(source: string): string[] {
  const spliced = source.replace(/\\\r?\n/g, '');
  const names = [...spliced.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm)].map(
    (match) => match[1] as string,
  );
  return [...new Set(names)].sort();
}

/**
 * The judge's two programs for a split MultiPL-E C++ program:
 * - expected (`expected.cpp`): the standard headers, the canonical form, and a `main` that adds
 *   each test's expected expression to the values; no code of the candidate;
 * - candidate (`candidate.cpp`): the candidate's part (prompt and completion), every macro it
 *   defined undefined, the canonical form, and a `main` that calls the entry point with each
 *   test's arguments in order (`auto candidate = <entry>;` as the tests do) and adds each result;
 *   no expected value.
 */
export function cppJudgeSources(split: CppTestSplit): { expected: string; candidate: string } {
  const showSource = assetText(CPP_SHOW);
  const main = (lines: readonly string[], prelude = ''): string =>
    [
      'int main() {',
      ...(prelude === '' ? [] : [`    ${prelude}`]),
      '    passk_judge::Values passk_values;',
      ...lines.map((line) => `    passk_values.add(${line});`),
      '    passk_values.write();',
      '    return 0;',
      '}',
      '',
    ].join('\n');
  const undefs = definedMacros(split.candidate).map((name) => `#undef ${name}\n`);
  return {
    expected: `${PROMPT_HEADERS}${showSource}\n${main(split.calls.map((call) => call.expected))}`,
    candidate: [
      split.candidate,
      '\n',
      ...undefs,
      showSource,
      '\n',
      main(
        split.calls.map((call) => `candidate(${call.args})`),
        `auto candidate = ${split.entry};`,
      ),
    ].join(''),
  };
}

/**
 * False when the expected values (printed by `passk-show.hpp`) are of more than one kind
 * (strings, numbers, vectors, tuples, maps; `nullopt` goes with any): the entry point then
 * returns one of MultiPL-E's `Union_…` types, which the canonical form cannot print
 * (`rounded_avg`, `split_words`, `compare_one`). The values come from the tests alone, so a
 * program cannot choose this.
 */
export function cppValuesPrintable(expected: readonly string[]): boolean {
  const kinds = new Set(
    expected
      .filter((value) => value !== 'nullopt')
      .map((value) => ('"[({'.includes(value[0] ?? '') ? value[0] : 'number')),
  );
  return kinds.size <= 1;
}

/**
 * The output judge's steps (see `outputJudgeSteps`) for a MultiPL-E C++ program, or none when
 * it does not split (`splitCppTests`): each program built by `compile(file, output)` (the
 * reference build's command for another file) and run with `runTimeoutMs`.
 */
export function cppOutputJudgeSteps(
  source: string,
  compile: (file: string, source: string, output: string) => Omit<Step, 'name'>,
  runTimeoutMs: number,
): Step[] {
  const split = splitCppTests(source);
  if (split === undefined) return [];
  const sources = cppJudgeSources(split);
  const program = (name: 'expected' | 'candidate'): OutputJudgeProgram => ({
    files: [{ path: `${name}.cpp`, contents: sources[name] }],
    build: compile(`${name}.cpp`, sources[name], name),
    run: { argv: [`./${name}`], timeoutMs: runTimeoutMs },
  });
  return outputJudgeSteps(program('expected'), program('candidate'));
}
