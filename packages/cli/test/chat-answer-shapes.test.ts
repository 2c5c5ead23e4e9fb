/**
 * Chat answers in every shape, for MultiPL-E's HumanEval_23_strlen in each language: extracted
 * by the chat format, assembled by the dataset (`fitAnswer`) and run through the language's
 * judge in the sandbox. Every shape of a correct answer passes; a wrong one does not.
 */
import { createLocalExecutor, defaultDataContext, type Problem } from '@passk/core';
import { createMultiplEDataset } from '@passk/datasets';
import { builtinLanguages } from '@passk/languages';
import { createChatFormat } from '@passk/providers';
import { afterAll, describe, expect, it } from 'vitest';
import { toolchainSkipReason } from '../../../scripts/test-support/toolchain-skip-reason.ts';

interface Shapes {
  /** The task (default HumanEval_23_strlen; PHP's `strlen` is a built-in it cannot redeclare). */
  readonly task?: string;
  /** Fence tag. */
  readonly tag: string;
  /** A whole function (the language's own spelling of the entry point), with a helper. */
  readonly whole: string;
  /** The answer's own driver or test code, which assembly drops. */
  readonly driver: string;
  /** The function's body, without the closer. */
  readonly body: string;
  /** A wrong body (returns 7). */
  readonly wrong: string;
  /** What closes the function. */
  readonly closer: string;
  /** A preamble the answer repeats (`<?php`, `#lang racket`). */
  readonly preamble?: string;
  /** A container the answer wraps the function in: opening and closing. */
  readonly container?: readonly [string, string];
}

const SHAPES: Readonly<Record<string, Shapes>> = {
  cpp: {
    wrong: '    return 7;',
    tag: 'cpp',
    whole:
      '#include <string>\nusing namespace std;\n\n// helper\nstatic long count(const std::string& s) { return s.size(); }\n\nlong string_length(std::string string) {\n    return count(string);\n}',
    driver: 'int main() {\n    std::cout << string_length("abc") << std::endl;\n    return 0;\n}',
    body: '    return string.size();',
    closer: '}',
  },
  cs: {
    wrong: '        return 7;',
    tag: 'csharp',
    whole:
      'public static long Strlen(string str)\n    {\n        return Count(str);\n    }\n    private static long Count(string s) { return s.Length; }',
    driver:
      'public static void Main(string[] args) {\n        Console.WriteLine(Strlen("abc"));\n    }',
    body: '        return str.Length;',
    closer: '    }',
    container: ['using System;\nusing System.Text;\n\npublic class Problem {', '}'],
  },
  java: {
    wrong: '        return 7;',
    tag: 'java',
    whole:
      'public static long strlen(String string) {\n        return count(string);\n    }\n    private static long count(String s) { return s.length(); }',
    driver:
      'public static void main(String[] args) {\n        System.out.println(strlen("abc"));\n    }',
    body: '        return string.length();',
    closer: '    }',
    container: ['import java.util.*;\nimport java.util.function.*;\n\npublic class Problem {', '}'],
  },
  js: {
    wrong: '  return 7;',
    tag: 'javascript',
    whole: 'const count = (s) => s.length;\n\nfunction strlen(string){\n  return count(string);\n}',
    driver:
      "const assert = require('assert');\nconsole.log(strlen('abc'));\nassert.equal(strlen(''), 0);",
    body: '  return string.length;',
    closer: '}',
  },
  ts: {
    wrong: '  return 7;',
    tag: 'typescript',
    whole:
      'function count(s: string): number {\n  return s.length;\n}\n\nfunction strlen(string: string): number {\n  return count(string);\n}',
    driver: 'console.log(strlen("abc"));\nfunction test() { throw new Error("mine"); }\ntest();',
    body: '  return string.length;',
    closer: '}',
  },
  php: {
    task: 'HumanEval_53_add',
    tag: 'php',
    preamble: '<?php',
    wrong: '    return 7;',
    whole:
      'function plus($a, $b) {\n    return $a + $b;\n}\n\nfunction add($x, $y) {\n    return plus($x, $y);\n}',
    driver: 'echo add(1, 2);\n?>',
    body: '    return $x + $y;',
    closer: '}',
  },
  sh: {
    wrong: '  echo 7',
    tag: 'bash',
    preamble: '#!/bin/bash',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell code
    whole: 'count() {\n  echo "${#1}"\n}\n\nstrlen() {\n  count "$1"\n}',
    driver: 'strlen "abc"\necho "done"\nexit 0',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell code
    body: '  echo "${#1}"',
    closer: '}',
  },
  go: {
    wrong: '\treturn 7',
    tag: 'go',
    preamble: 'package main',
    whole:
      'import (\n\t"fmt"\n\t"unicode/utf8"\n)\n\nfunc count(s string) int {\n\treturn utf8.RuneCountInString(s)\n}\n\nfunc strlen(myString string) int {\n\t_ = fmt.Sprint()\n\treturn count(myString)\n}',
    driver: 'func main() {\n\tfmt.Println(strlen("abc"))\n}',
    body: '\treturn len(myString)',
    closer: '}',
  },
  rs: {
    wrong: '    7',
    tag: 'rust',
    whole:
      'use std::collections::HashMap;\n\nfn count(s: &str) -> isize {\n    let _unused: HashMap<i32, i32> = HashMap::new();\n    s.len() as isize\n}\n\nfn strlen(string: String) -> isize {\n    count(&string)\n}',
    driver: 'fn main() {\n    println!("{}", strlen(String::from("abc")));\n}',
    body: '    string.len() as isize',
    closer: '}',
  },
  rb: {
    wrong: '  7',
    tag: 'ruby',
    whole: 'def count(s)\n  s.length\nend\n\ndef strlen(string)\n  count(string)\nend',
    driver: 'puts strlen("abc")',
    body: '  string.length',
    closer: 'end',
  },
  lua: {
    wrong: '  return 7',
    tag: 'lua',
    whole:
      'local function count(s)\n  return #s\nend\n\nlocal function strlen(string)\n  return count(string)\nend',
    driver: 'print(strlen("abc"))',
    body: '  return #string',
    closer: 'end',
  },
  rkt: {
    wrong: '  7',
    tag: 'racket',
    preamble: '#lang racket',
    whole: '(define (count s) (string-length s))\n\n(define (strlen string)\n  (count string))',
    driver: '(displayln (strlen "abc"))',
    body: '  (string-length string)',
    closer: ')',
  },
};

const executor = createLocalExecutor({ concurrency: 2 });
afterAll(() => executor.close());
const format = createChatFormat();

function answers(shapes: Shapes, problem: Problem): Record<string, string> {
  const fence = (code: string) => `\`\`\`${shapes.tag}\n${code}\n\`\`\``;
  const whole = shapes.container
    ? `${shapes.container[0]}\n    ${shapes.whole}\n    ${shapes.driver}\n${shapes.container[1]}`
    : [shapes.preamble, shapes.whole, '', shapes.driver]
        .filter((part) => part !== undefined)
        .join('\n');
  return {
    'whole program with helpers, imports and its own main or driver': `Here is the solution:\n\n${fence(whole)}\n\nIt counts the characters.`,
    'the function alone, then usage in a second block': `${fence(
      shapes.container ? `    ${shapes.whole}` : shapes.whole,
    )}\n\nUsage:\n\n${fence(shapes.driver)}`,
    'the prompt repeated and completed': fence(`${problem.prompt}${shapes.body}\n${shapes.closer}`),
    'a body without its closer': `Just this:\n${fence(shapes.body)}`,
    'a body with its closer': fence(`${shapes.body}\n${shapes.closer}`),
  };
}

describe.each(Object.keys(SHAPES))('chat answer shapes in multipl-e/%s', (code) => {
  it('every shape of a correct answer passes; a wrong answer fails', async (context) => {
    const dataset = createMultiplEDataset(code);
    const languageId = dataset.languages[0] as string;
    const skip = await toolchainSkipReason(languageId);
    if (skip !== undefined) return context.skip(skip);
    const language = (
      builtinLanguages as Record<string, () => ReturnType<(typeof builtinLanguages)['python']>>
    )[languageId]?.() as ReturnType<(typeof builtinLanguages)['python']>;
    const toolchain = await language.detect();
    const { problems } = await dataset.load(defaultDataContext(process.env));
    const problem = problems.find(
      (candidate) => candidate.id === (SHAPES[code]?.task ?? 'HumanEval_23_strlen'),
    ) as Problem;
    const shapes = SHAPES[code] as Shapes;
    const run = async (answer: string) => {
      const extraction = format.extract(problem, answer);
      const program = dataset.buildProgram(problem, {
        code: extraction.code,
        kind: extraction.kind,
        source: 'answer',
      });
      const result = await executor.execute({
        files: program.files,
        steps: language.steps(program, toolchain, { timeoutFactor: 3 }),
        limits: language.limits(program),
      });
      const verdict = language.classify(program, result);
      const contents = program.files[0]?.contents ?? '';
      const output = result.steps.map((step) => `${step.stdoutTail}${step.stderrTail}`).join('\n');
      return { extraction, verdict, contents, output };
    };
    const outcomes = await Promise.all(
      Object.entries(answers(shapes, problem)).map(async ([shape, answer]) => {
        const outcome = await run(answer);
        return { shape, ...outcome };
      }),
    );
    const failing = outcomes
      .filter((outcome) => !outcome.verdict.passed)
      .map(
        (outcome) =>
          `${outcome.shape} (${outcome.extraction.kind}, ${outcome.extraction.strategy}): ${outcome.verdict.status} ${outcome.verdict.detail ?? ''}\n${outcome.contents}\n--- output\n${outcome.output.slice(0, 600)}`,
      );
    expect(failing.join('\n\n')).toBe('');
    for (const outcome of outcomes) {
      // The benchmark's tests stay as they are, at the end of the program.
      expect(outcome.contents.endsWith(problem.tests)).toBe(true);
    }
    const wrong = await run(`\`\`\`${shapes.tag}\n${shapes.wrong}\n${shapes.closer}\n\`\`\``);
    expect(wrong.verdict.passed).toBe(false);
  }, 1_200_000);
});
