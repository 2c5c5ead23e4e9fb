import { describe, expect, it } from 'vitest';
import { describeSplitter } from '../../test/describe-splitter.ts';
import { cppJudgeSources, cppValuesPrintable, definedMacros } from './cpp-output-judge.ts';
import { splitCppTests } from './split-cpp-tests.ts';

const PROGRAM = [
  '#include<bits/stdc++.h>',
  '#define int long long',
  '#de\\',
  'fine spliced 1',
  'std::string f(std::string s, long n) {',
  '    return s;',
  '}',
  'int main() {',
  '    auto candidate = f;',
  '    assert(candidate((")==(\\"x"), (1)) == (std::string(")==(")));',
  '    assert(candidate(R"(a"==b)", (\'=\')) == ("a\\"==b"));',
  '    // a comment with == and ;',
  '    assert(candidate(("{"), (2)) == ("{"));',
  '}',
  '',
].join('\n');

describeSplitter('splitCppTests', {
  split: splitCppTests,
  program: PROGRAM,
  expected: {
    candidate: PROGRAM.slice(0, PROGRAM.indexOf('int main() {')),
    entry: 'f',
    calls: [
      { args: '(")==(\\"x"), (1)', expected: '(std::string(")==("))' },
      { args: 'R"(a"==b)", (\'=\')', expected: '("a\\"==b")' },
      { args: '("{"), (2)', expected: '("{")' },
    ],
  },
  marker: '    // a comment with == and ;\n',
  otherShapes: [
    '    std::puts("x");\n',
    '    assert(candidate(("a"), (1)) != ("b"));\n',
    '    assert(candidate(("a"), (1)) == ("b") == true);\n',
    '}\nint other() {\n',
  ],
  dataset: 'multipl-e/humaneval-reworded/humaneval-cpp.jsonl',
  tasks: 161,
});

describe('cppJudgeSources', () => {
  it('keeps the expected values out of the candidate program and the candidate out of the expected one', () => {
    const split = splitCppTests(PROGRAM);
    if (split === undefined) throw new Error('no split');
    const { expected, candidate } = cppJudgeSources(split);
    expect(candidate.startsWith(split.candidate)).toBe(true);
    expect(candidate).toContain('#undef int\n#undef spliced\n');
    expect(candidate).toContain('passk_values.add(candidate((")==(\\"x"), (1)));');
    expect(candidate).not.toContain('std::string(")==(")');
    expect(expected).toContain('passk_values.add((std::string(")==(")));');
    expect(expected).not.toContain('return s;');
    expect(definedMacros('# define A(x) x\n  #define B\n#undef C\n')).toEqual(['A', 'B']);
  });

  it("leaves to the reference rule the tasks whose expected values have no single type (MultiPL-E's unions)", () => {
    expect(cppValuesPrintable(['"0b11"', '-1'])).toBe(false);
    expect(cppValuesPrintable(['["a"]', '3'])).toBe(false);
    expect(cppValuesPrintable(['3', 'nullopt', '0x1.8p+0'])).toBe(true);
    expect(cppValuesPrintable(['[1]', '[]'])).toBe(true);
  });
});
