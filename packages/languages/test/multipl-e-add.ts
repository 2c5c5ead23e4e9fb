import type { Program } from '@passk/core';

/**
 * MultiPL-E's `HumanEval_53_add` ("add two numbers x and y") in one language, exactly as in
 * MultiPL-E's HumanEval "reworded" files (`multipl-e/humaneval-reworded/humaneval-<code>.jsonl`;
 * `multipl-e-add.test.ts` checks the copy against the data), with what a completion needs
 * around a function body.
 */
export interface MultiplEAdd {
  /** MultiPL-E's language code (`lua`, `rkt`). */
  readonly code: string;
  /** passk language id. */
  readonly language: string;
  /** File of the program, `main<suffix>` as MultiPL-E names it. */
  readonly mainFile: string;
  /** The language's judge for MultiPL-E's rule (`Program.judge`: `multipl-e`; Python's is `script`). */
  readonly judge: string;
  /** MultiPL-E's time limit of the run step, in milliseconds. */
  readonly timeoutMs: number;
  /** The problem's prompt (ends inside the function, before its body). */
  readonly prompt: string;
  /** The problem's tests. */
  readonly tests: string;
  /** What a completion writes before a function body (`{` in D, whose prompt stops before it). */
  readonly open: string;
  /** What a completion writes after a function body to close the function where the tests do not. */
  readonly close: string;
  /** A correct function body. */
  readonly correct: string;
  /** A wrong function body (returns x - y). */
  readonly wrong: string;
  /** Line comment marker. */
  readonly lineComment: string;
}

/** Options of a program built from {@link MultiplEAdd}. */
export interface MultiplEProgramOptions {
  /** Time limit of the run step instead of MultiPL-E's, in milliseconds. */
  readonly timeoutMs?: number;
}

/** `HumanEval_53_add` per passk language id, for the 19 MultiPL-E languages. */
export const MULTIPL_E_ADD = {
  cpp: {
    code: 'cpp',
    language: 'cpp',
    mainFile: 'main.cpp',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '#include<assert.h>\n#include<bits/stdc++.h>\n// Add two numbers x and y\n// >>> add((2), (3))\n// (5)\n// >>> add((5), (7))\n// (12)\nlong add(long x, long y) {\n',
    tests:
      '}\nint main() {\n    auto candidate = add;\n    assert(candidate((0), (1)) == (1));\n    assert(candidate((1), (0)) == (1));\n    assert(candidate((2), (3)) == (5));\n    assert(candidate((5), (7)) == (12));\n    assert(candidate((7), (5)) == (12));\n}\n',
    open: '',
    close: '',
    correct: '    return x + y;',
    wrong: '    return x - y;',
    lineComment: '//',
  },
  csharp: {
    code: 'cs',
    language: 'csharp',
    mainFile: 'main.cs',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      'using System;\nusing System.Numerics;\nusing System.Diagnostics;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\nusing System.Security.Cryptography;\nclass Problem {\n    // Add two numbers x and y\n    // >>> Add((2L), (3L))\n    // (5L)\n    // >>> Add((5L), (7L))\n    // (12L)\n    public static long Add(long x, long y) {\n',
    tests:
      '    }\n    public static void Main(string[] args) {\n    Debug.Assert(Add((0L), (1L)) == (1L));\n    Debug.Assert(Add((1L), (0L)) == (1L));\n    Debug.Assert(Add((2L), (3L)) == (5L));\n    Debug.Assert(Add((5L), (7L)) == (12L));\n    Debug.Assert(Add((7L), (5L)) == (12L));\n    }\n\n}\n',
    open: '',
    close: '',
    correct: '        return x + y;',
    wrong: '        return x - y;',
    lineComment: '//',
  },
  d: {
    code: 'd',
    language: 'd',
    mainFile: 'main.d',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      'import std.math;\n/*\nAdd two numbers x and y\n    >>> add(2L, 3L)\n    5L\n    >>> add(5L, 7L)\n    12L\n    \n*/\nlong add(long x, long y) \n',
    tests:
      'unittest\n{\n    alias candidate = add;\n\n    assert(candidate(0L, 1L) == 1L);\n    assert(candidate(1L, 0L) == 1L);\n    assert(candidate(2L, 3L) == 5L);\n    assert(candidate(5L, 7L) == 12L);\n    assert(candidate(7L, 5L) == 12L);\n}\nvoid main(){}',
    open: '{\n',
    close: '\n}\n',
    correct: '    return x + y;',
    wrong: '    return x - y;',
    lineComment: '//',
  },
  go: {
    code: 'go',
    language: 'go',
    mainFile: 'main_test.go',
    judge: 'multipl-e',
    timeoutMs: 30000,
    prompt:
      'package add_test\n\nimport (\n    "testing"\n    "fmt"\n)\n\n// Add two numbers x and y\n// >>> add(2, 3)\n// 5\n// >>> add(5, 7)\n// 12\nfunc add(x int, y int) int {\n',
    tests:
      'func TestAdd(t *testing.T) {\n  candidate := add\n\ttype test struct {\n\t\tactual   interface{}\n\t\texpected interface{}\n\t}\n   tests := []test{\n     { actual: candidate(0, 1), expected: 1 },\n     { actual: candidate(1, 0), expected: 1 },\n     { actual: candidate(2, 3), expected: 5 },\n     { actual: candidate(5, 7), expected: 12 },\n     { actual: candidate(7, 5), expected: 12 },\n   }\n\n\tfor i, tc := range tests {\n\t\tt.Run(fmt.Sprintf("test num % d", i), func(t *testing.T) {\n\t\t\tif fmt.Sprintf("%v", tc.actual) != fmt.Sprintf("%v", tc.expected) {\n\t\t\t\tt.Errorf("expected \'%s\', got \'%s\'", tc.expected, tc.actual)\n\t\t\t}\n\t\t})\n\t}\n}\n',
    open: '',
    close: '\n}\n',
    correct: '    return x + y',
    wrong: '    return x - y',
    lineComment: '//',
  },
  java: {
    code: 'java',
    language: 'java',
    mainFile: 'main.java',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      'import java.util.*;\nimport java.lang.reflect.*;\nimport org.javatuples.*;\nimport java.security.*;\nimport java.math.*;\nimport java.io.*;\nimport java.util.stream.*;\nclass Problem {\n    // Add two numbers x and y\n    // >>> add((2l), (3l))\n    // (5l)\n    // >>> add((5l), (7l))\n    // (12l)\n    public static long add(long x, long y) {\n',
    tests:
      '    }\n    public static void main(String[] args) {\n    assert(add((0l), (1l)) == (1l));\n    assert(add((1l), (0l)) == (1l));\n    assert(add((2l), (3l)) == (5l));\n    assert(add((5l), (7l)) == (12l));\n    assert(add((7l), (5l)) == (12l));\n    }\n\n}\n',
    open: '',
    close: '',
    correct: '        return x + y;',
    wrong: '        return x - y;',
    lineComment: '//',
  },
  julia: {
    code: 'jl',
    language: 'julia',
    mainFile: 'main.jl',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '"""Add two numbers x and y\n    >>> add(2, 3)\n    5\n    >>> add(5, 7)\n    12\n    """\nfunction add(x::Int64, y::Int64)::Int64 \n',
    tests:
      'using Test\n\n@testset begin\n\ncandidate = add;\n\t@test(candidate(0, 1) == 1)\n\t@test(candidate(1, 0) == 1)\n\t@test(candidate(2, 3) == 5)\n\t@test(candidate(5, 7) == 12)\n\t@test(candidate(7, 5) == 12)\nend\n',
    open: '',
    close: '\nend\n',
    correct: '    return x + y',
    wrong: '    return x - y',
    lineComment: '#',
  },
  javascript: {
    code: 'js',
    language: 'javascript',
    mainFile: 'main.js',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '//Add two numbers x and y\n// >>> add(2, 3)\n// 5\n// >>> add(5, 7)\n// 12\nfunction add(x, y){\n',
    tests:
      "const assert = require('node:assert');\n\n\nfunction test() {\n  let candidate = add;\n  assert.deepEqual(candidate(0, 1),1);\n  assert.deepEqual(candidate(1, 0),1);\n  assert.deepEqual(candidate(2, 3),5);\n  assert.deepEqual(candidate(5, 7),12);\n  assert.deepEqual(candidate(7, 5),12);\n}\n\ntest();",
    open: '',
    close: '\n}\n',
    correct: '  return x + y;',
    wrong: '  return x - y;',
    lineComment: '//',
  },
  lua: {
    code: 'lua',
    language: 'lua',
    mainFile: 'main.lua',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '-- Add two numbers x and y\n-- >>> add(2, 3)\n-- 5\n-- >>> add(5, 7)\n-- 12\nlocal function add(x, y)\n',
    tests:
      "lu = require('luaunit')\n\nfunction test_humaneval()\nlocal candidate = add\n    lu.assertEquals(candidate(0, 1), 1)\n    lu.assertEquals(candidate(1, 0), 1)\n    lu.assertEquals(candidate(2, 3), 5)\n    lu.assertEquals(candidate(5, 7), 12)\n    lu.assertEquals(candidate(7, 5), 12)\nend\n\nos.exit(lu.LuaUnit.run())",
    open: '',
    close: '\nend\n',
    correct: '    return x + y',
    wrong: '    return x - y',
    lineComment: '--',
  },
  php: {
    code: 'php',
    language: 'php',
    mainFile: 'main.php',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '<?php\n// Add two numbers x and y\n// >>> add(2, 3)\n// 5\n// >>> add(5, 7)\n// 12\nfunction add($x, $y) {\n',
    tests:
      'function candidate(...$args) {\n    return add(...$args);\n}\n\nfunction test(): void {\n    if (candidate(0, 1) !== 1) { throw new Exception("Test failed!"); }\n    if (candidate(1, 0) !== 1) { throw new Exception("Test failed!"); }\n    if (candidate(2, 3) !== 5) { throw new Exception("Test failed!"); }\n    if (candidate(5, 7) !== 12) { throw new Exception("Test failed!"); }\n    if (candidate(7, 5) !== 12) { throw new Exception("Test failed!"); }\n}\n\ntest();',
    open: '',
    close: '\n}\n',
    correct: '    return $x + $y;',
    wrong: '    return $x - $y;',
    lineComment: '//',
  },
  perl: {
    code: 'pl',
    language: 'perl',
    mainFile: 'main.pl',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '# Add two numbers x and y\n# >>> add(2, 3)\n# 5\n# >>> add(5, 7)\n# 12\nsub add {\n    my($x, $y) = @_;\n',
    tests:
      'use Test::Deep;\n\n\nsub testhumaneval {\n    my $candidate = \\&add;\n        if(eq_deeply($candidate->(0, 1),1)) {\n        print "ok!" }else{\n        exit 1;\n        }\n        if(eq_deeply($candidate->(1, 0),1)) {\n        print "ok!" }else{\n        exit 1;\n        }\n        if(eq_deeply($candidate->(2, 3),5)) {\n        print "ok!" }else{\n        exit 1;\n        }\n        if(eq_deeply($candidate->(5, 7),12)) {\n        print "ok!" }else{\n        exit 1;\n        }\n        if(eq_deeply($candidate->(7, 5),12)) {\n        print "ok!" }else{\n        exit 1;\n        }\n}\n\ntesthumaneval();',
    open: '',
    close: '\n}\n',
    correct: '    return $x + $y;',
    wrong: '    return $x - $y;',
    lineComment: '#',
  },
  r: {
    code: 'r',
    language: 'r',
    mainFile: 'main.r',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '# Add two numbers x and y\n# >>> add(2, 3)\n# 5\n# >>> add(5, 7)\n# 12\nadd <- function(x, y) {',
    tests:
      'test_humaneval <- function() {\n    candidate <- add\n    stopifnot(isTRUE(all.equal(candidate(0, 1), 1)))\n    stopifnot(isTRUE(all.equal(candidate(1, 0), 1)))\n    stopifnot(isTRUE(all.equal(candidate(2, 3), 5)))\n    stopifnot(isTRUE(all.equal(candidate(5, 7), 12)))\n    stopifnot(isTRUE(all.equal(candidate(7, 5), 12)))\n}\ntest_humaneval()',
    open: '\n',
    close: '\n}\n',
    correct: '    return(x + y)',
    wrong: '    return(x - y)',
    lineComment: '#',
  },
  ruby: {
    code: 'rb',
    language: 'ruby',
    mainFile: 'main.rb',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '# Add two numbers x and y\n# >>> add.call(2, 3)\n# 5\n# >>> add.call(5, 7)\n# 12\ndef add(x, y)\n',
    tests:
      "require 'test/unit'\nclass TestHumanEval < Test::Unit::TestCase\n  def test_add\n    candidate = method(:add)\n    assert_equal(1, candidate.call(0, 1))\n    assert_equal(1, candidate.call(1, 0))\n    assert_equal(5, candidate.call(2, 3))\n    assert_equal(12, candidate.call(5, 7))\n    assert_equal(12, candidate.call(7, 5))\n  end\nend\n",
    open: '',
    close: '\nend\n',
    correct: '    x + y',
    wrong: '    x - y',
    lineComment: '#',
  },
  python: {
    code: 'py',
    language: 'python',
    mainFile: 'main.py',
    judge: 'script',
    timeoutMs: 15000,
    prompt:
      'def add(x: int, y: int) -> int:\n    """Add two numbers x and y\n    >>> add(2, 3)\n    5\n    >>> add(5, 7)\n    12\n    """\n',
    tests:
      'def check(candidate):\n    assert candidate(0, 1) == 1\n    assert candidate(1, 0) == 1\n    assert candidate(2, 3) == 5\n    assert candidate(5, 7) == 12\n    assert candidate(7, 5) == 12\n\ndef test_check():\n    check(add)\n\ntest_check()\n',
    open: '',
    close: '',
    correct: '    return x + y',
    wrong: '    return x - y',
    lineComment: '#',
  },
  racket: {
    code: 'rkt',
    language: 'racket',
    mainFile: 'main.rkt',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '#lang racket\n\n;; Add two numbers x and y\n;; >>> (add 2 3)\n;; 5\n;; >>> (add 5 7)\n;; 12\n(define (add x y)\n',
    tests:
      '(require rackunit)\n\n(define (test-humaneval) \n\n  (let (( candidate add))\n    (check-within (candidate 0 1) 1 0.001)\n    (check-within (candidate 1 0) 1 0.001)\n    (check-within (candidate 2 3) 5 0.001)\n    (check-within (candidate 5 7) 12 0.001)\n    (check-within (candidate 7 5) 12 0.001)\n))\n\n(test-humaneval)',
    open: '',
    close: ')\n',
    correct: '  (+ x y)',
    wrong: '  (- x y)',
    lineComment: ';',
  },
  rust: {
    code: 'rs',
    language: 'rust',
    mainFile: 'main.rs',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '/// Add two numbers x and y\n/// >>> add(2, 3)\n/// 5\n/// >>> add(5, 7)\n/// 12\nfn add(x: isize, y: isize) -> isize {\n',
    tests:
      '}\n\nfn main() {\n    let candidate = add;\n    assert_eq!(candidate(0, 1), 1);\n    assert_eq!(candidate(1, 0), 1);\n    assert_eq!(candidate(2, 3), 5);\n    assert_eq!(candidate(5, 7), 12);\n    assert_eq!(candidate(7, 5), 12);\n}\n',
    open: '',
    close: '',
    correct: '    x + y',
    wrong: '    x - y',
    lineComment: '//',
  },
  scala: {
    code: 'scala',
    language: 'scala',
    mainFile: 'main.scala',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      'import scala.math._\nimport scala.collection.mutable._\nobject Problem {\n    // Add two numbers x and y\n    // >>> add((2l), (3l))\n    // (5l)\n    // >>> add((5l), (7l))\n    // (12l)\n    def add(x : Long, y : Long) : Long = {\n',
    tests:
      '    }\n    def main(args: Array[String]) = {\n    assert(add((0l), (1l)) == (1l));\n    assert(add((1l), (0l)) == (1l));\n    assert(add((2l), (3l)) == (5l));\n    assert(add((5l), (7l)) == (12l));\n    assert(add((7l), (5l)) == (12l));\n    }\n\n}\n',
    open: '',
    close: '',
    correct: '        x + y',
    wrong: '        x - y',
    lineComment: '//',
  },
  shell: {
    code: 'sh',
    language: 'shell',
    mainFile: 'main.sh',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '#!/bin/bash\n# Add two numbers x and y\n# >>> $(add "2" "3")\n# "5"\n# >>> $(add "5" "7")\n# "12"\n#\n# $1 is an integer\n# $2 is an integer\nadd() {\n',
    tests:
      '}\n\ncandidate() {\n    add "$@"\n}\n\nset -e\nrun_test() {\n    [[ $(candidate "0" "1") = "1" ]]\n    [[ $(candidate "1" "0") = "1" ]]\n    [[ $(candidate "2" "3") = "5" ]]\n    [[ $(candidate "5" "7") = "12" ]]\n    [[ $(candidate "7" "5") = "12" ]]\n}\n\nrun_test',
    open: '',
    close: '',
    correct: '    echo $(( $1 + $2 ))',
    wrong: '    echo $(( $1 - $2 ))',
    lineComment: '#',
  },
  swift: {
    code: 'swift',
    language: 'swift',
    mainFile: 'main.swift',
    judge: 'multipl-e',
    timeoutMs: 5000,
    prompt:
      '\n/// Add two numbers x and y\n/// >>> add(x: 2, y: 3)\n/// 5\n/// >>> add(x: 5, y: 7)\n/// 12\nfunc add(x: Int, y: Int) -> Int {\n',
    tests:
      '}\n\n\nfunc ==(left: [(Int, Int)], right: [(Int, Int)]) -> Bool {\n    if left.count != right.count {\n        return false\n    }\n    for (l, r) in zip(left, right) {\n        if l != r {\n            return false\n        }\n    }\n    return true\n}\n            \nassert(add(x: 0, y: 1) == 1)\nassert(add(x: 1, y: 0) == 1)\nassert(add(x: 2, y: 3) == 5)\nassert(add(x: 5, y: 7) == 12)\nassert(add(x: 7, y: 5) == 12)',
    open: '',
    close: '',
    correct: '    return x + y',
    wrong: '    return x - y',
    lineComment: '//',
  },
  typescript: {
    code: 'ts',
    language: 'typescript',
    mainFile: 'main.ts',
    judge: 'multipl-e',
    timeoutMs: 15000,
    prompt:
      '//Add two numbers x and y\n// >>> add(2, 3)\n// 5\n// >>> add(5, 7)\n// 12\nfunction add(x: number, y: number): number {\n',
    tests:
      "declare var require: any;\nconst assert = require('node:assert');\n\n\nfunction test() {\n  let candidate = add;\n  assert.deepEqual(candidate(0, 1),1);\n  assert.deepEqual(candidate(1, 0),1);\n  assert.deepEqual(candidate(2, 3),5);\n  assert.deepEqual(candidate(5, 7),12);\n  assert.deepEqual(candidate(7, 5),12);\n}\n\ntest();",
    open: '',
    close: '\n}\n',
    correct: '  return x + y;',
    wrong: '  return x - y;',
    lineComment: '//',
  },
} as const satisfies Readonly<Record<string, MultiplEAdd>>;

/**
 * The program MultiPL-E runs for a completion that is the function body `body`:
 * `prompt + completion + "\n" + tests` (completion = `open + body + close`), in `main<suffix>`,
 * judged by the language's MultiPL-E rule with MultiPL-E's time limit (see
 * `buildMultiplEProgram` in @passk/datasets).
 */
export function multiplEProgram(
  add: MultiplEAdd,
  body: string,
  options: MultiplEProgramOptions = {},
): Program {
  return multiplESolution(add, `${add.prompt}${add.open}${body}${add.close}`, options);
}

/**
 * The program MultiPL-E runs for a whole-program `solution` (`solution + "\n" + tests`: it
 * replaces the prompt and the completion, e.g. to add imports).
 */
export function multiplESolution(
  add: MultiplEAdd,
  solution: string,
  options: MultiplEProgramOptions = {},
): Program {
  return {
    language: add.language,
    files: [{ path: add.mainFile, contents: `${solution}\n${add.tests}` }],
    mainFile: add.mainFile,
    judge: add.judge,
    timeoutMs: options.timeoutMs ?? add.timeoutMs,
  };
}
