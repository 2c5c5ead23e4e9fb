/**
 * The `HumanEval_53_add` fixtures the hostile tables and the scripting-languages bench build
 * their programs from: byte for byte MultiPL-E's and HumanEval-X's data, and, run through each
 * language's judge in the sandbox, a correct body passes, a wrong one is a wrong answer and a
 * syntax error a compile error (plus a few rules particular to a language). Languages without a
 * toolchain here are skipped with the reason.
 */
import type { Language, VerdictStatus } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinLanguages } from '../src/index.ts';
import { HUMANEVAL_X_ADD } from './humaneval-x-add.ts';
import { MULTIPL_E_ADD, type MultiplEAdd, multiplEProgram } from './multipl-e-add.ts';
import { judgeProgram, testExecutor } from './run-program.ts';
import { readJsonLines } from './shared-data.ts';

/** A body that does not parse (or, for Racket, closes the definition too early), per language. */
const SYNTAX_ERRORS: Readonly<Record<keyof typeof MULTIPL_E_ADD, string>> = {
  cpp: '    return x + ;',
  csharp: '        return x + ;',
  d: '    return x + ;',
  go: '    return x +',
  java: '        return x + ;',
  julia: '    return x + )',
  javascript: '  return x + ;',
  lua: '    return x +',
  php: '    return $x + ;',
  perl: '    return $x + ;',
  python: '    return x +',
  r: '    return(x + )',
  ruby: '    x + (',
  racket: '  (+ x y)))',
  rust: '    x +',
  scala: '        x + ',
  shell: '    echo $(( $1 + $2 ))\n}\n}',
  swift: '    return x +',
  typescript: '  return x + ;',
};

const executor = testExecutor();
afterAll(() => executor.close());

describe('the HumanEval_53_add fixtures', () => {
  it("are MultiPL-E's prompt and tests in every language", () => {
    for (const add of Object.values(MULTIPL_E_ADD) as MultiplEAdd[]) {
      const record = readJsonLines<{ name: string; prompt: string; tests: string }>(
        `multipl-e/humaneval-reworded/humaneval-${add.code}.jsonl`,
      ).find((entry) => entry.name === 'HumanEval_53_add');
      expect([add.code, add.prompt, add.tests]).toEqual([add.code, record?.prompt, record?.tests]);
    }
  });

  it("are HumanEval-X's prompt and tests (problem 53)", () => {
    const files = { javascript: 'js', cpp: 'cpp', java: 'java', go: 'go', rust: 'rust' } as const;
    for (const [language, file] of Object.entries(files)) {
      const add = HUMANEVAL_X_ADD[language as keyof typeof files];
      const record = readJsonLines<{
        task_id: string;
        prompt: string;
        declaration: string;
        test: string;
        test_setup?: string;
      }>(`humaneval-x/humaneval_${file}.jsonl.gz`).find((entry) => entry.task_id === add.taskId);
      expect(record).toBeDefined();
      const prompt =
        language === 'rust' ? `${record?.declaration}${record?.prompt}` : record?.prompt;
      expect([language, add.prompt]).toEqual([language, prompt]);
      expect(add.after.endsWith(record?.test ?? '?')).toBe(true);
      if (language === 'go') expect(add.setup).toBe(`${record?.test_setup}\n`);
    }
  });
});

/** Judge rules particular to one language: [name, body, status]. */
const PARTICULAR: Readonly<
  Partial<Record<keyof typeof MULTIPL_E_ADD, readonly (readonly [string, string, VerdictStatus])[]>>
> = {
  racket: [['an unbound identifier is a compile error', '  (+ x yyy)', 'compile_error']],
  csharp: [
    [
      'an uncaught exception is a runtime error',
      '        throw new Exception("boom");',
      'runtime_error',
    ],
  ],
  ruby: [['an exception is a runtime error', "    raise 'boom'", 'runtime_error']],
};

describe.each(Object.entries(MULTIPL_E_ADD))('HumanEval_53_add in %s', (id, add) => {
  const language = (builtinLanguages[id as keyof typeof builtinLanguages] as () => Language)();
  const cases: readonly (readonly [string, string, VerdictStatus])[] = [
    ['a correct body passes', add.correct, 'passed'],
    ['a wrong body is a wrong answer', add.wrong, 'failed'],
    [
      'a syntax error is a compile error',
      SYNTAX_ERRORS[id as keyof typeof MULTIPL_E_ADD],
      'compile_error',
    ],
    ...(PARTICULAR[id as keyof typeof MULTIPL_E_ADD] ?? []),
  ];
  it.for(cases)('%s', async ([, body, status], context) => {
    const toolchain = await language.detect();
    if (!toolchain.available) {
      console.warn(`skipped HumanEval_53_add in ${id}: ${toolchain.problem}`);
      context.skip(toolchain.problem);
      return;
    }
    // Wall-clock limits on a shared machine: tripled.
    const { verdict } = await judgeProgram(
      language,
      toolchain,
      executor,
      multiplEProgram(add, body),
      3,
    );
    expect({ status: verdict.status, reference: verdict.reference }, verdict.detail).toEqual({
      status,
      reference: undefined,
    });
  });
});
