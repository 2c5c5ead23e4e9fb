/**
 * MultiPL-E's own evaluator fixtures (`multipl-e/test_inputs/*-HumanEval53.json`): the first
 * completion of HumanEval_53_add is correct, the second broken. Judged with passk's `multipl-e`
 * judge on MultiPL-E's program, prompt + completion + "\n" + tests, for the languages of this
 * package that have a fixture (C++, JavaScript, TypeScript).
 */
import type { Language } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCppLanguage } from '../src/cpp/create-cpp-language.ts';
import { createJavaScriptLanguage } from '../src/javascript/create-javascript-language.ts';
import { createTypeScriptLanguage } from '../src/typescript/create-typescript-language.ts';
import { judgeProgram, program, skipReason, testExecutor } from './run-program.ts';
import { readData } from './shared-data.ts';

interface Fixture {
  readonly prompt: string;
  readonly tests: string;
  readonly completions: readonly string[];
}

const FIXTURES: readonly [string, string, number, () => Language, string][] = [
  ['cpp', 'main.cpp', 15_000, () => createCppLanguage(), 'compile_error'],
  ['js', 'main.js', 5000, () => createJavaScriptLanguage(), 'compile_error'],
  ['ts', 'main.ts', 15_000, () => createTypeScriptLanguage(), 'compile_error'],
];

const executor = testExecutor();
afterAll(() => executor.close());

describe.each(FIXTURES)('MultiPL-E fixture %s', (ext, file, timeoutMs, create, brokenStatus) => {
  it('the first completion passes, the second fails', async () => {
    const language = create();
    const toolchain = await language.detect();
    if (skipReason(ext, toolchain)) return;
    const fixture = JSON.parse(
      readData(`multipl-e/test_inputs/${ext}-davinci-0.2-keep-HumanEval53.json`),
    ) as Fixture;
    const verdicts = await Promise.all(
      fixture.completions.map(async (completion) => {
        const contents = `${fixture.prompt}${completion}\n${fixture.tests}`;
        const target = program(language.id, file, 'multipl-e', contents, timeoutMs);
        return (await judgeProgram(language, toolchain, executor, target)).verdict;
      }),
    );
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['passed', brokenStatus]);
    expect(verdicts[0]?.detail).toBe('OK');
  });
});
