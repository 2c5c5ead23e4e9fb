import { describe, expect, it } from 'vitest';
import { describeSplitter } from '../../test/describe-splitter.ts';
import { javaJudgeSources } from './java-output-judge.ts';
import { splitJavaTests } from './split-java-tests.ts';

const PROGRAM = [
  'import java.util.*;',
  'class Problem {',
  '    public static String f(String s, long n) {',
  '        return s;',
  '    }',
  '    public static void main(String[] args) {',
  '    assert(f((")==(\\"x"), (1l)).equals((")==(")));',
  '    // a comment with == and ;',
  '    assert(f(("{"), (\'=\')) == ("{"));',
  '    }',
  '',
  '}',
  '',
].join('\n');

describeSplitter('splitJavaTests', {
  split: splitJavaTests,
  program: PROGRAM,
  expected: {
    candidate: PROGRAM.slice(0, PROGRAM.indexOf('    public static void main')),
    entry: 'f',
    calls: [
      { args: '(")==(\\"x"), (1l)', expected: '(")==(")' },
      { args: '("{"), (\'=\')', expected: '("{")' },
    ],
  },
  marker: '    // a comment with == and ;\n',
  otherShapes: [
    '    System.out.println(1);\n',
    '    assert(g((1l)) == (1l));\n',
    '    assert(f(("a"), (1l)) == ("b") || true);\n',
    '    }\n    void other() {\n',
  ],
  dataset: 'multipl-e/humaneval-reworded/humaneval-java.jsonl',
  tasks: 158,
});

describe('javaJudgeSources', () => {
  it('keeps the expected values out of the candidate program and the candidate out of the expected one', () => {
    const split = splitJavaTests(PROGRAM);
    if (split === undefined) throw new Error('no split');
    const { expected, candidate } = javaJudgeSources(split);
    expect(candidate.startsWith(split.candidate)).toBe(true);
    expect(candidate).toContain('passkValues.add(f((")==(\\"x"), (1l)));');
    expect(candidate).not.toContain('("{"));');
    expect(expected).toContain('passkValues.add((")==("));');
    expect(expected).not.toContain('return s;');
  });
});
