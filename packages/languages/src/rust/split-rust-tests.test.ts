import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, readJsonLines } from '../../test/shared-data.ts';
import { rustDeclarations } from './internal/rust-signature.ts';
import { rustCandidateProgram, rustExpectedProgram } from './rust-output-judge.ts';
import { splitRustTests } from './split-rust-tests.ts';

const PROMPT =
  'use std::collections::HashMap;\n\n/// Counts.\nfn count(s: String, n: isize) -> HashMap<String, isize> {\n';
const TESTS = [
  '}',
  '',
  'fn main() {',
  '    let candidate = count;',
  '    assert_eq!(candidate(String::from("a, b)"), 2), HashMap::from([(String::from("a"), 1)]));',
  '    assert_eq!(candidate(String::from(r#"}")"#), \'}\' as isize), HashMap::<String, isize>::new(),);',
  '}',
  '',
].join('\n');
const program = (completion: string) => `${PROMPT}${completion}\n${TESTS}`;

describe('splitRustTests', () => {
  it("splits MultiPL-E's tests off: the code before their main, each call's arguments and expected value", () => {
    const split = splitRustTests(program('    HashMap::new()'));
    expect(split).toEqual({
      code: `${PROMPT}    HashMap::new()\n}\n\n`,
      entryPoint: 'count',
      calls: [
        {
          args: 'String::from("a, b)"), 2',
          expected: 'HashMap::from([(String::from("a"), 1)])',
        },
        {
          args: 'String::from(r#"}")"#), \'}\' as isize',
          expected: 'HashMap::<String, isize>::new()',
        },
      ],
    });
  });

  it('reads strings, chars, raw strings and comments of the completion as Rust does', () => {
    const tricky = [
      '    let _ = "fn main() { let candidate = other; }";',
      "    let _ = ('{', '\\'', b'}', r##\"}\"#\"##);",
      '    /* } /* nested } */ } */',
      "    fn lifetime<'a>(x: &'a str) -> &'a str { x } // }",
      '    HashMap::new()',
    ].join('\n');
    expect(splitRustTests(program(tricky))?.calls).toHaveLength(2);
  });

  it('refuses programs that do not end with main calling the candidate in assert_eq!s', () => {
    const shapes = [
      TESTS.replace('assert_eq!(candidate(String', 'assert!(candidate(String'),
      TESTS.replace('    let candidate = count;', '    let candidate = count;\n    println!("");'),
      TESTS.replace('let candidate = count;', 'let other = count;'),
      `${TESTS}fn later() {}\n`,
      TESTS.replace('fn main() {', 'fn main() {\n    let candidate = count;\n}\nfn main2() {'),
    ];
    for (const tests of shapes)
      expect(splitRustTests(`${PROMPT}    HashMap::new()\n${tests}`)).toBe(undefined);
    expect(splitRustTests(program('    "unterminated'))).toBe(undefined);
    expect(splitRustTests(program('    /* unterminated'))).toBe(undefined);
  });
});

describe('rustDeclarations', () => {
  it('keeps the standard use items and the signature, not the code or other uses', () => {
    const code = `${PROMPT}    let n = n as usize;\n    use self::inner::Thing;\n    HashMap::new()\n}\nuse std::cmp::{max, min};\nuse crate::helpers::*;\n`;
    expect(rustDeclarations(code, 'count')).toEqual({
      uses: ['use std::collections::HashMap;', 'use std::cmp::{max, min};'],
      signature: 'fn count(s: String, n: isize) -> HashMap<String, isize>',
    });
  });

  it("drops a signature that names the code's own items (a type, a macro, a constant)", () => {
    const own = [
      'struct Any;\nfn f(x: isize) -> Any {\n    Any\n}\n',
      'type Out = Vec<isize>;\nfn f(x: isize) -> Out {\n    vec![x]\n}\n',
      'macro_rules! t { () => { isize } }\nfn f(x: isize) -> t!() {\n    x\n}\n',
      'const N: usize = 2;\nfn f(x: isize) -> [isize; N] {\n    [x; N]\n}\n',
      'mod m { pub type T = isize; }\nuse m::T;\nfn f(x: T) -> isize {\n    x\n}\n',
    ];
    for (const code of own) expect(rustDeclarations(code, 'f').signature).toBe(undefined);
  });
});

describe('the judge programs', () => {
  it("hold the expected values without the candidate's code, and the calls without the expected values", () => {
    const split = splitRustTests(
      program('    let marker_of_the_completion = 1;\n    HashMap::new()'),
    );
    if (split === undefined) throw new Error('no split');
    const expected = rustExpectedProgram(split);
    expect(expected).not.toContain('marker_of_the_completion');
    expect(expected).toContain(
      'fn count(s: String, n: isize) -> HashMap<String, isize> {\n    ::std::unimplemented!()\n}',
    );
    expect(expected).toContain(
      'if false { candidate(String::from("a, b)"), 2) } else { HashMap::from([(String::from("a"), 1)]) }',
    );
    const candidate = rustCandidateProgram(split);
    expect(candidate).toContain('marker_of_the_completion');
    expect(candidate).not.toContain('String::from("a")');
    expect(candidate).not.toContain('assert');
  });
});

const DATASETS = [
  'multipl-e/humaneval-reworded/humaneval-rs.jsonl',
  'multipl-e/reflexion/humaneval-rs.jsonl',
  'multipl-e/reflexion/mbpp-rs.jsonl',
];

describe.skipIf(!DATASETS.every((file) => existsSync(join(DATA_DIR, file))))(
  'every MultiPL-E Rust task',
  () => {
    it('splits, with the signature of its entry point', () => {
      let tasks = 0;
      for (const file of DATASETS) {
        for (const task of readJsonLines<{ prompt: string; tests?: string; test?: string }>(file)) {
          const tests = task.tests ?? task.test ?? '';
          // Reflexion's copy of the tests lacks the brace that closes the function.
          const closing = tests.startsWith('}') ? '' : '}\n';
          const split = splitRustTests(`${task.prompt}    todo!()\n${closing}${tests}`);
          expect(split?.calls.length).toBeGreaterThan(0);
          expect(
            rustDeclarations(split?.code ?? '', split?.entryPoint ?? '').signature,
          ).toBeDefined();
          tasks++;
        }
      }
      expect(tasks).toBe(156 + 156 + 354);
    });
  },
);
