/**
 * The C++ output judge (`src/cpp/cpp-output-judge.ts`) keeps every honest verdict: programs in
 * MultiPL-E's shape whose results `==` calls equal to the expected values without being of the
 * same type (a float for a long, a double for a float literal, a string for a literal, an
 * optional for a value or nullopt, tuples of other integer types, -0.0 for 0), or that lean on
 * C++'s ways (macros of its own, `using namespace std`, output, static state across calls),
 * pass both the reference run and the judge; wrong answers and a crash in a later call fail.
 * Run through the real executor in the sandbox (`judgeProgram`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createCppLanguage } from '../src/cpp/create-cpp-language.ts';
import { expectPassedAlike, judgeDetected, program, testExecutor } from './run-program.ts';

/** MultiPL-E's C++ program: `code` (prompt + completion), then its asserts on `entry`. */
function multiplECpp(code: string, entry: string, asserts: readonly string[]): string {
  return [
    '#include<assert.h>',
    '#include<bits/stdc++.h>',
    code,
    'int main() {',
    `    auto candidate = ${entry};`,
    ...asserts.map((assert) => `    assert(${assert});`),
    '}',
    '',
  ].join('\n');
}

const HONEST: readonly [string, string, string, readonly string[]][] = [
  [
    'numbers of other types: a float result for integer and float literals, -0.0 for 0',
    'float half(long n) {\n    return n == 0 ? -0.0f : n / 2.0f;\n}',
    'half',
    ['candidate((0)) == (0)', 'candidate((3)) == (1.5)', 'candidate((1)) == (0.5f)'],
  ],
  [
    'a bool against integer literals, a tuple of long against make_tuple of ints',
    'std::tuple<long, bool> odd(long n) {\n    return {-n, n % 2};\n}',
    'odd',
    [
      'candidate((3)) == (std::make_tuple(-3, 1))',
      'candidate((2)) == (std::make_tuple(-2, false))',
    ],
  ],
  [
    'strings with bytes beyond ASCII and quotes, vectors of strings, against literals',
    'std::vector<std::string> words(std::string s) {\n    return {s, s + "\\"é\\n"};\n}',
    'words',
    ['candidate(("a")) == (std::vector<std::string>({(std::string)"a", (std::string)"a\\"é\\n"}))'],
  ],
  [
    'an optional against a value and against nullopt',
    'std::optional<long> first(std::vector<long> v) {\n    if (v.empty()) return std::nullopt;\n    return v[0];\n}',
    'first',
    [
      'candidate((std::vector<long>({(long)4, (long)5}))) == (4)',
      'candidate((std::vector<long>())) == std::nullopt',
    ],
  ],
  [
    'a map, its own macros, using namespace std, output, and state kept across calls',
    'using namespace std;\n#define ll long long\n#define F first\nstatic ll calls = 0;\nmap<string, long> count_of(string s) {\n    map<string, long> m;\n    for (char c : s) m[string(1, c)]++;\n    cout << "call " << ++calls << endl;\n    pair<ll, ll> p{1, 2};\n    m["calls"] = calls + p.F - 1;\n    return m;\n}',
    'count_of',
    [
      'candidate(("ab")) == (std::map<std::string,long>({{"a", 1}, {"b", 1}, {"calls", 1}}))',
      'candidate(("")) == (std::map<std::string,long>({{"calls", 2}}))',
    ],
  ],
];

const WRONG: readonly [string, string, string, readonly string[], string][] = [
  [
    'a wrong answer',
    'long add(long x, long y) {\n    return x - y;\n}',
    'add',
    ['candidate((1), (1)) == (2)'],
    'failed',
  ],
  [
    'a crash in the second call',
    'long at(std::vector<long> v) {\n    if (v.empty()) std::abort();\n    return v[0];\n}',
    'at',
    ['candidate((std::vector<long>({(long)1}))) == (1)', 'candidate((std::vector<long>())) == (0)'],
    'runtime_error',
  ],
];

const executor = testExecutor();
afterAll(() => executor.close());

function verdictOf(code: string, entry: string, asserts: readonly string[]) {
  const target = program('cpp', 'main.cpp', 'multipl-e', multiplECpp(code, entry, asserts), 15_000);
  return judgeDetected(createCppLanguage(), executor, target, 4);
}

describe("C++'s output judge keeps honest verdicts", () => {
  it.each(HONEST)('passes %s', async (_name, code, entry, asserts) => {
    const outcome = await verdictOf(code, entry, asserts);
    if (outcome !== undefined) expectPassedAlike(outcome, asserts.length);
  });

  it.each(WRONG)('fails %s as the reference does', async (_name, code, entry, asserts, status) => {
    const outcome = await verdictOf(code, entry, asserts);
    if (outcome === undefined) return;
    expect([outcome.verdict.status, outcome.verdict.reference]).toEqual([status, undefined]);
  });
});
