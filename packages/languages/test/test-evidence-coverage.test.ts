/**
 * passk's completion evidence is written at the end of the benchmark's own test function; a
 * program in which it is not found cannot pass. So every MultiPL-E and HumanEval-X task of the
 * languages that use it must have its test function found, in the program the benchmark
 * builds (prompt + tests), right before the test call that ends the program.
 */
import { describe, expect, it } from 'vitest';
import { type TestEndLocator, withTestEvidence } from '../src/internal/test-evidence.ts';
import {
  HUMANEVAL_X_JS_TEST_END,
  JS_TEST_EVIDENCE,
  MULTIPL_E_JS_TEST_END,
} from '../src/javascript/javascript-steps.ts';
import { JULIA_TEST_END } from '../src/julia/create-julia-language.ts';
import { LUA_TEST_END } from '../src/lua/create-lua-language.ts';
import { PERL_TEST_END } from '../src/perl/create-perl-language.ts';
import { PHP_TEST_END, PHP_TEST_EVIDENCE } from '../src/php/create-php-language.ts';
import { SCRIPT_TEST_END } from '../src/python/python-steps.ts';
import { R_TEST_END } from '../src/r/create-r-language.ts';
import { RACKET_TEST_END } from '../src/racket/create-racket-language.ts';
import { SHELL_TEST_END } from '../src/shell/create-shell-language.ts';
import { SWIFT_TEST_END } from '../src/swift/create-swift-language.ts';
import { readJsonLines } from './shared-data.ts';

interface MultiplEProblem {
  readonly name: string;
  readonly prompt: string;
  readonly tests: string;
}

const MULTIPL_E: readonly (readonly [string, TestEndLocator])[] = [
  ['php', PHP_TEST_END],
  ['js', MULTIPL_E_JS_TEST_END],
  ['ts', MULTIPL_E_JS_TEST_END],
  ['pl', PERL_TEST_END],
  ['r', R_TEST_END],
  ['sh', SHELL_TEST_END],
  ['lua', LUA_TEST_END],
  ['rkt', RACKET_TEST_END],
  ['py', SCRIPT_TEST_END],
  ['jl', JULIA_TEST_END],
  ['swift', SWIFT_TEST_END],
];

describe('the test function is found in every benchmark program', () => {
  it.for(MULTIPL_E)('MultiPL-E %s', ([code, locate]) => {
    const problems = readJsonLines<MultiplEProblem>(
      `multipl-e/humaneval-reworded/humaneval-${code}.jsonl`,
    );
    expect(problems.length).toBeGreaterThan(150);
    const missed = problems.filter((problem) => {
      const source = `${problem.prompt}    x\n}\n${problem.tests}`;
      const at = locate(source);
      // Inside the tests, never in the prompt or the answer.
      return at === undefined || at < source.length - problem.tests.length;
    });
    expect(missed.map((problem) => problem.name)).toEqual([]);
  });

  it('HumanEval-X JavaScript', () => {
    const rows = readJsonLines<{ task_id: string; prompt: string; test: string }>(
      'humaneval-x/humaneval_js.jsonl.gz',
    );
    expect(rows).toHaveLength(164);
    const missed = rows.filter(
      (row) => HUMANEVAL_X_JS_TEST_END(`${row.prompt}  return 1;\n}\n${row.test}`) === undefined,
    );
    expect(missed.map((row) => row.task_id)).toEqual([]);
  });

  it('writes the evidence before the closing line of the test function', () => {
    const php = 'function test(): void {\n    check();\n}\n\ntest();';
    expect(withTestEvidence(php, PHP_TEST_END, PHP_TEST_EVIDENCE)).toBe(
      `function test(): void {\n    check();\n${PHP_TEST_EVIDENCE}}\n\ntest();`,
    );
    // The sentinel is split, so the program's text printed as it is holds no sentinel line.
    expect(PHP_TEST_EVIDENCE).not.toContain('__passk_tests_completed__');
    // Not found: an empty program, tests not at the end, another call after the test function.
    expect(PHP_TEST_END('')).toBeUndefined();
    expect(PHP_TEST_END(`${php}\necho 1;`)).toBeUndefined();
    expect(
      MULTIPL_E_JS_TEST_END('function test() {\n}\n\ntest();\nfunction x() {}'),
    ).toBeUndefined();
    expect(
      withTestEvidence(
        'function test() {\n  a();\n}\n\ntest();',
        MULTIPL_E_JS_TEST_END,
        JS_TEST_EVIDENCE,
      ),
    ).toContain(`  a();\n${JS_TEST_EVIDENCE}}`);
  });
});
