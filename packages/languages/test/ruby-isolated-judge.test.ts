/**
 * Ruby's isolated judge (`assets/ruby/isolated_judge.rb`) keeps every honest verdict: programs in
 * MultiPL-E's shape whose answers are equal to the expected values by Ruby's own `==` without
 * being of the same class or object (a Rational for an Integer, a BigDecimal for a Float, a
 * String subclass, a Hash in another order, -0.0, a bignum, a frozen or binary string …), or that
 * lean on Ruby's ways (a helper, a constant, keyword arguments, an entry point named like a
 * Kernel method, `if __FILE__ == $0`, output), pass both the reference run and the judge; wrong
 * answers fail both. Run through the real executor in the sandbox (`judgeProgram`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRubyLanguage } from '../src/ruby/create-ruby-language.ts';
import { RUBY_VERDICT_MARK } from '../src/ruby/ruby-isolated-judge.ts';
import { type JudgedApart, judgeApart, program, testExecutor } from './run-program.ts';

/** MultiPL-E's Ruby program: `code` (prompt + completion), then its Test::Unit tests of `entry`. */
function multiplERuby(code: string, entry: string, asserts: readonly string[]): string {
  return [
    code,
    '',
    "require 'test/unit'",
    'class TestHumanEval < Test::Unit::TestCase',
    `  def test_${entry}`,
    `    candidate = method(:${entry})`,
    ...asserts.map((assert) => `    ${assert}`),
    '  end',
    'end',
    '',
  ].join('\n');
}

const HONEST: readonly [string, string, string, readonly string[]][] = [
  [
    'a Rational, a BigDecimal, a Complex and a bignum for Integer and Float expectations',
    "require 'bigdecimal'\ndef numbers(n)\n  [Rational(n, 1), BigDecimal('0.5'), Complex(n, 0), 2**100 + n]\nend",
    'numbers',
    ['assert_equal([3, 0.5, 3, 1267650600228229401496703205379], candidate.call(3))'],
  ],
  [
    'a String subclass, a frozen string, a binary ASCII string, a Symbol-keyed Hash in another order',
    'class Name < String; end\ndef texts(s)\n  [Name.new(s), s.dup.freeze, s.b, { b: [nil, true], a: -0.0 }]\nend',
    'texts',
    ['assert_equal(["abc", "abc", "abc", {a: 0.0, b: [nil, true]}], candidate.call("abc"))'],
  ],
  [
    'UTF-8 text, NaN-free floats, ranges and sets compared by value',
    "require 'set'\ndef shapes(s)\n  [s.upcase, 0.1 + 0.2, (1..3), Set[1, 2], 1e308 * 10]\nend",
    'shapes',
    [
      'assert_equal(["ÉTÉ", 0.30000000000000004, (1..3), Set[2, 1], Float::INFINITY], candidate.call("été"))',
    ],
  ],
  [
    'a helper, a constant, keyword arguments, output, and a block under if __FILE__ == $0',
    'LIMIT = 10\ndef helper(x) = [x, LIMIT].min\ndef clamp(x, by: 0)\n  puts "clamping #{x}"\n  helper(x) + by\nend\nif __FILE__ == $0\n  puts clamp(3)\nend',
    'clamp',
    ['assert_equal(3, candidate.call(3))', 'assert_equal(10, candidate.call(99))'],
  ],
  [
    "what the reference's Test::Unit has loaded when the tests call (English's $MATCH), unrequired",
    'def first_digit(s)\n  s =~ /\\d/ ? $MATCH.to_i : -1\nend',
    'first_digit',
    ['assert_equal(4, candidate.call("ab4c"))', 'assert_equal(-1, candidate.call("x"))'],
  ],
  [
    'an entry point named like a Kernel method',
    'def format(items)\n  items.map(&:to_s).join(",")\nend',
    'format',
    ['assert_equal("1,2", candidate.call([1, 2]))', 'assert_equal("", candidate.call([]))'],
  ],
  [
    'nil and booleans, and an argument it changes in place',
    'def odd_first(list)\n  return nil if list.empty?\n  list.sort!\n  list.first.odd?\nend',
    'odd_first',
    [
      'assert_equal(nil, candidate.call([]))',
      'assert_equal(true, candidate.call([4, 1]))',
      'assert_equal(false, candidate.call([2]))',
    ],
  ],
];

const executor = testExecutor();
afterAll(() => executor.close());

/** The verdict, and the status the isolated judge reported (undefined: no clean report). */
function verdictOf(
  code: string,
  entry: string,
  asserts: readonly string[],
): Promise<JudgedApart | undefined> {
  const target = program('ruby', 'main.rb', 'multipl-e', multiplERuby(code, entry, asserts), 5000);
  return judgeApart(createRubyLanguage(), executor, target, RUBY_VERDICT_MARK);
}

describe("Ruby's isolated judge keeps honest verdicts", () => {
  it.each(HONEST)('passes %s', async (_name, code, entry, asserts) => {
    const outcome = await verdictOf(code, entry, asserts);
    if (outcome === undefined) return;
    expect(outcome.verdict).toMatchObject({ status: 'passed', passed: true });
    expect(outcome.verdict.reference).toBeUndefined();
    expect(outcome.judged).toBe('passed');
  });

  it('fails a wrong answer, and a Symbol for a String (not equal in Ruby), in both', async () => {
    const wrong = await verdictOf('def add(x, y)\n  x - y\nend', 'add', [
      'assert_equal(1, candidate.call(0, 1))',
    ]);
    const symbol = await verdictOf('def symbol_of(x)\n  x.to_sym\nend', 'symbol_of', [
      'assert_equal("a", candidate.call("a"))',
    ]);
    for (const outcome of [wrong, symbol]) {
      if (outcome === undefined) return;
      expect([outcome.verdict.status, outcome.verdict.reference, outcome.judged]).toEqual([
        'failed',
        undefined,
        'failed',
      ]);
    }
  });
});
