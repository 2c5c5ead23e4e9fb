import { describe, expect, it } from 'vitest';
import { assemblyRule } from './assembly-rules.ts';
import { fitAnswer } from './fit-answer.ts';

const JAVA_PROMPT =
  'import java.util.*;\nclass Problem {\n    // Doubles x.\n    public static long twice(long x) {\n';
const JAVA_TESTS =
  '    }\n    public static void main(String[] args) {\n    assert(twice((2l)) == (4l));\n    }\n\n}\n';

const body = (language: string, prompt: string, tests: string, code: string) =>
  fitAnswer(
    { rule: assemblyRule(language), prompt, tests, entryPoint: 'twice' },
    { code, kind: 'completion', source: 'answer' },
  );

describe('fitAnswer: a body that goes on after closing its function', () => {
  it("Java: the answer's main and the class's closing brace are dropped, a helper moves before the declaration", () => {
    const answer = [
      '        return helper(x);',
      '    }',
      '',
      '    private static long helper(long x) {',
      '        return 2 * x;',
      '    }',
      '',
      '    // Try it',
      '    public static void main(String[] args) {',
      '        System.out.println(twice(3));',
      '    }',
      '}',
    ].join('\n');
    expect(body('java', JAVA_PROMPT, JAVA_TESTS, answer)).toBe(
      [
        'import java.util.*;',
        'class Problem {',
        '    private static long helper(long x) {',
        '        return 2 * x;',
        '    }',
        '    // Doubles x.',
        '    public static long twice(long x) {',
        '        return helper(x);',
        '',
      ].join('\n'),
    );
  });

  it('C#: a body closing the function and the class, then a Main, keeps only the body', () => {
    const prompt = 'using System;\nclass Problem {\n    public static long Twice(long x) {\n';
    const tests = '    }\n    public static void Main(string[] args) {\n    }\n}\n';
    const answer =
      '        return 2 * x;\n    }\n\n    static void Main() {\n        Console.WriteLine(Twice(2));\n    }\n}';
    expect(body('csharp', prompt, tests, answer)).toBe(`${prompt}        return 2 * x;\n`);
  });

  it('JavaScript: driver statements after the function are dropped; the function keeps its brace', () => {
    const prompt = '// Doubles x.\nfunction twice(x){\n';
    const tests = "const assert = require('node:assert');\nfunction test() {}\ntest();\n";
    const answer = '  return 2 * x;\n}\n\nconsole.log(twice(2));\n';
    expect(body('javascript', prompt, tests, answer)).toBe(`${prompt}  return 2 * x;\n}\n`);
  });

  it('Shell: a helper after the function goes after the shebang, the usage lines are dropped', () => {
    const prompt = '#!/bin/bash\n# Doubles $1.\ntwice() {\n';
    const tests = '}\n\ncandidate() {\n    twice "$@"\n}\n';
    const answer = '    double "$1"\n}\n\ndouble() {\n    echo $(( 2 * $1 ))\n}\n\ntwice 3\n';
    expect(body('shell', prompt, tests, answer)).toBe(
      '#!/bin/bash\ndouble() {\n    echo $(( 2 * $1 ))\n}\n# Doubles $1.\ntwice() {\n    double "$1"\n',
    );
  });

  it("Shell: a `case` pattern's `)` closes nothing, so the body's closing brace is still found", () => {
    const prompt = '#!/bin/bash\n# Doubles $1.\ntwice() {\n';
    const tests = '}\n\ncandidate() {\n    twice "$@"\n}\n';
    const answer =
      "    case $1 in\n        0) echo 0;;\n        '-'|*) echo $(( 2 * $1 ));;\n    esac\n}\n";
    expect(body('shell', prompt, tests, answer)).toBe(
      `${prompt}    case $1 in\n        0) echo 0;;\n        '-'|*) echo $(( 2 * $1 ));;\n    esac\n`,
    );
  });

  it('a body that only closes its function (and the class) is completed as before', () => {
    const answer = '        return 2 * x;\n    }\n}\n';
    expect(body('java', JAVA_PROMPT, JAVA_TESTS, answer)).toBe(
      `${JAVA_PROMPT}        return 2 * x;\n`,
    );
  });
});

describe("fitAnswer: a C++ answer's own tests", () => {
  const prompt =
    '#include<assert.h>\n#include<bits/stdc++.h>\n// Doubles x.\nlong twice(long x) {\n';
  const tests =
    '}\nint main() {\n    auto candidate = twice;\n    assert(candidate((2)) == (4));\n}\n';
  const solution = (code: string) =>
    fitAnswer(
      { rule: assemblyRule('cpp'), prompt, tests, entryPoint: 'twice' },
      { code, kind: 'solution', source: 'answer' },
    );

  it('a test function that calls the entry point is dropped; a helper the entry point calls stays', () => {
    const answer = [
      '#include<bits/stdc++.h>',
      'long twice(long x) {',
      '    return helper(x);',
      '}',
      'long helper(long x) {',
      '    return 2 * x;',
      '}',
      'void test() {',
      '    assert(twice(2) == 4);',
      '}',
      'int main() {',
      '    test();',
      '}',
    ].join('\n');
    expect(solution(answer)).toBe(
      [
        '#include<assert.h>',
        '#include<bits/stdc++.h>',
        'long helper(long x) {',
        '    return 2 * x;',
        '}',
        'long twice(long x) {',
        '    return helper(x);',
        '',
      ].join('\n'),
    );
  });

  it('file-level assert statements after the function are dropped', () => {
    const answer =
      'long twice(long x) {\n    return 2 * x;\n}\n// Tests\nassert(twice(2) == 4);\nassert(twice(3) == 6);\n';
    expect(solution(answer)).toBe(
      '#include<assert.h>\n#include<bits/stdc++.h>\nlong twice(long x) {\n    return 2 * x;\n',
    );
  });
});
