import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../../test/shared-data.ts';
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

describe('splitJavaTests', () => {
  it("takes MultiPL-E's tests apart: == and .equals, strings, characters and comments stay whole", () => {
    const split = splitJavaTests(PROGRAM);
    expect(split?.entry).toBe('f');
    expect(split?.candidate).toBe(PROGRAM.slice(0, PROGRAM.indexOf('    public static void main')));
    expect(split?.calls).toEqual([
      { args: '(")==(\\"x"), (1l)', expected: '(")==(")' },
      { args: '("{"), (\'=\')', expected: '("{")' },
    ]);
  });

  it('does not split a test part of another shape', () => {
    const other = (line: string) =>
      PROGRAM.replace('    // a comment with == and ;\n', `${line}\n`);
    expect(splitJavaTests(other('    System.out.println(1);'))).toBeUndefined();
    expect(splitJavaTests(other('    assert(g((1l)) == (1l));'))).toBeUndefined();
    expect(splitJavaTests(other('    assert(f(("a"), (1l)) == ("b") || true);'))).toBeUndefined();
    expect(splitJavaTests(`${PROGRAM}class Other {}\n`)).toBeUndefined();
  });

  it('splits every MultiPL-E Java task', () => {
    const tasks = readJsonLines<{ name: string; prompt: string; tests: string }>(
      'multipl-e/humaneval-reworded/humaneval-java.jsonl',
    );
    const unsplit = tasks.filter(
      (task) => splitJavaTests(`${task.prompt}\n${task.tests}`) === undefined,
    );
    expect([tasks.length, unsplit.map((task) => task.name)]).toEqual([158, []]);
  });

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
