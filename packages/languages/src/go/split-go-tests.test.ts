import { describe, expect, it } from 'vitest';
import { MULTIPL_E_ADD } from '../../test/multipl-e-add.ts';
import { readJsonLines } from '../../test/shared-data.ts';
import { goTokens } from './internal/go-tokens.ts';
import { splitGoTests } from './split-go-tests.ts';

const { prompt, tests } = MULTIPL_E_ADD.go;
const SOLVED = `${prompt}    return x + y\n}\n`;
/** A program with the rows of the table replaced by `rows`. */
const withRows = (rows: string) =>
  `${SOLVED}\n${tests.replace(/tests := \[\]test\{[\s\S]*?\n {3}\}\n/, `tests := []test{\n${rows}\n   }\n`)}`;

describe('goTokens', () => {
  it('keeps strings, raw strings and runes whole, and skips comments', () => {
    const source = "f(\"a}\\\",\" , `x\n{`, '}', '\\'') // }\n/* { */ 1.5";
    expect(goTokens(source)?.map((token) => token.text)).toEqual([
      'f',
      '(',
      '"a}\\","',
      ',',
      '`x\n{`',
      ',',
      "'}'",
      ',',
      "'\\''",
      ')',
      '1.5',
    ]);
    expect(goTokens('"open')).toBeUndefined();
    expect(goTokens('/* open')).toBeUndefined();
  });
});

describe('splitGoTests', () => {
  it('cuts the program into the candidate code and the rows of its table', () => {
    const split = splitGoTests(`${SOLVED}\n${tests}`);
    expect(split?.code).toBe(`${SOLVED}\n`);
    expect([split?.packageName, split?.entryPoint]).toEqual(['add_test', 'add']);
    expect(split?.calls[0]).toEqual({ actual: 'candidate(0, 1)', expected: '1' });
    expect(split?.calls).toHaveLength(5);
  });

  it('reads rows whose literals hold braces, commas, colons and quotes, over several lines', () => {
    const split = splitGoTests(
      withRows(
        [
          '     { actual: candidate(map[string]string{"a}": "x, y"}), expected: []interface{}{"}", \'{\', `,\n}`} },',
          '     {',
          '       expected: map[string]int{"expected: 1, actual: 2": 3}, // }, {',
          '       actual: candidate(/* , */ 1, 2),',
          '     },',
        ].join('\n'),
      ),
    );
    expect(split?.calls).toEqual([
      {
        actual: 'candidate(map[string]string{"a}": "x, y"})',
        expected: '[]interface{}{"}", \'{\', `,\n}`}',
      },
      {
        actual: 'candidate(/* , */ 1, 2)',
        expected: 'map[string]int{"expected: 1, actual: 2": 3}',
      },
    ]);
  });

  it('refuses other shapes: another comparison, rows without both keys, code after the test', () => {
    expect(splitGoTests(`${SOLVED}\n${tests.replace('"%v", tc.actual', '"%d", tc.actual')}`)).toBe(
      undefined,
    );
    expect(splitGoTests(withRows('     { actual: candidate(1, 2) },'))).toBeUndefined();
    expect(splitGoTests(withRows('     { candidate(1, 2), 3 },'))).toBeUndefined();
    expect(splitGoTests(withRows('     { actual: candidate(1, 2), expected: "3 },'))).toBe(
      undefined,
    );
    expect(splitGoTests(`${SOLVED}\n${tests}\nfunc init() {}\n`)).toBeUndefined();
    expect(splitGoTests(SOLVED)).toBeUndefined();
  });

  it('splits every MultiPL-E Go task', () => {
    const rows = readJsonLines<{ name: string; prompt: string; tests: string }>(
      'multipl-e/humaneval-reworded/humaneval-go.jsonl',
    );
    const unsplit = rows.filter((row) => {
      const split = splitGoTests(`${row.prompt}    return\n}\n\n${row.tests}`);
      const count = row.tests.match(/^ {5}\{ actual: /gm)?.length;
      return split === undefined || split.calls.length !== count;
    });
    expect([rows.length, unsplit.map((row) => row.name)]).toEqual([154, []]);
  });
});
