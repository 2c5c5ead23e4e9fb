/**
 * The Java output judge (`src/java/java-output-judge.ts`) keeps every honest verdict: programs
 * in MultiPL-E's shape whose results `==` or `.equals` calls equal to the expected values (a
 * float result for a float literal, lists built otherwise, maps in another order, Optional,
 * javatuples pairs, strings beyond ASCII), or that lean on Java's ways (helper methods, static
 * state, output), pass both the reference run and the judge; wrong answers fail both. Run
 * through the real executor in the sandbox (`judgeProgram`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createJavaLanguage } from '../src/java/create-java-language.ts';
import { expectPassedAlike, judgeDetected, program, testExecutor } from './run-program.ts';

const IMPORTS =
  'import java.util.*;\nimport java.lang.reflect.*;\nimport org.javatuples.*;\nimport java.security.*;\nimport java.math.*;\nimport java.io.*;\nimport java.util.stream.*;';

/** MultiPL-E's Java program: `code` (the methods of class Problem), then its asserts. */
function multiplEJava(code: string, asserts: readonly string[]): string {
  return [
    IMPORTS,
    'class Problem {',
    code,
    '    public static void main(String[] args) {',
    ...asserts.map((assert) => `    assert(${assert});`),
    '    }',
    '',
    '}',
    '',
  ].join('\n');
}

const HONEST: readonly [string, string, readonly string[]][] = [
  [
    'a float against float literals, with output and static state',
    '    static int calls = 0;\n    public static float half(long n) {\n        calls++;\n        System.out.println("call " + calls);\n        return n / 2.0f;\n    }',
    ['half((3l)) == (1.5f)', 'half((2l)) == (1.0f)', 'half((0l)) == (0.0f)'],
  ],
  [
    'a list built otherwise, strings beyond ASCII',
    '    public static ArrayList<String> words(String s) {\n        ArrayList<String> out = new ArrayList<>();\n        for (String w : s.split(" ")) out.add(w + "é");\n        return out;\n    }',
    ['words(("a b")).equals((new ArrayList<String>(Arrays.asList((String)"aé", (String)"bé"))))'],
  ],
  [
    'a map filled in another order',
    '    public static HashMap<String,Long> counts(String s) {\n        HashMap<String,Long> m = new HashMap<>();\n        for (int i = s.length() - 1; i >= 0; i--) m.merge(String.valueOf(s.charAt(i)), 1l, Long::sum);\n        return m;\n    }',
    ['counts(("abca")).equals((new HashMap<String,Long>(Map.of("a", 2l, "b", 1l, "c", 1l))))'],
  ],
  [
    'an Optional against of and empty',
    '    public static Optional<Long> first(ArrayList<Long> v) {\n        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));\n    }',
    [
      'first((new ArrayList<Long>(Arrays.asList((long)4l, (long)5l)))).equals(Optional.of(4l))',
      'first((new ArrayList<Long>(Arrays.asList()))).equals(Optional.empty())',
    ],
  ],
  [
    'a javatuples Pair',
    '    public static Pair<Long, Long> pairOf(long n) {\n        return Pair.with(n, -n);\n    }',
    ['pairOf((2l)).equals((Pair.with(2l, -2l)))'],
  ],
];

const executor = testExecutor();
afterAll(() => executor.close());

function verdictOf(code: string, asserts: readonly string[]) {
  const target = program('java', 'main.java', 'multipl-e', multiplEJava(code, asserts), 15_000);
  return judgeDetected(createJavaLanguage(), executor, target, 4);
}

describe("Java's output judge keeps honest verdicts", () => {
  it.each(HONEST)('passes %s', async (_name, code, asserts) => {
    const outcome = await verdictOf(code, asserts);
    if (outcome !== undefined) expectPassedAlike(outcome, asserts.length);
  });

  it('fails a wrong answer as the reference does', async () => {
    const outcome = await verdictOf(
      '    public static long add(long x, long y) {\n        return x - y;\n    }',
      ['add((1l), (1l)) == (2l)'],
    );
    if (outcome === undefined) return;
    expect([outcome.verdict.status, outcome.verdict.reference]).toEqual(['failed', undefined]);
  });
});
