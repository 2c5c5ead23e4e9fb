import type { HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { hostile, NOT_PASSED, PROSE, testsNeverRan } from './hostile-entry.ts';
import { humanEvalProgram } from './python-table.ts';

/**
 * Per language, the programs whose benchmark tests never run (the `text-only`, `empty-program`,
 * `tolerated-syntax-error`, `unreached-tests` and `redefined-tests` threats), all built on the
 * wrong answer to `HumanEval_53_add`: none may pass. `tables.ts` adds them to every language's
 * hostile table, so the same suite runs them in the sandbox. `reference: 'passed'` marks the
 * programs MultiPL-E's rule passes (exit code 0): passk keeps that judgement in
 * `Verdict.reference` and does not pass them.
 */
const w = (id: keyof typeof MULTIPL_E_ADD): string => MULTIPL_E_ADD[id].wrong;

export const NEVER_RAN_PROGRAMS: Readonly<Record<string, readonly HostileProgram[]>> = {
  php: testsNeverRan(MULTIPL_E_ADD.php, [
    {
      threat: 'text-only',
      name: 'a whole function without <?php: PHP prints the file as text',
      solution: 'function add($x, $y) {\n    return $x - $y;\n}',
      reference: 'passed',
    },
    {
      threat: 'text-only',
      name: '?> after the answer: the tests are printed as text',
      body: `${w('php')}\n}\n?>\nfunction unused() {`,
      reference: 'passed',
    },
    {
      threat: 'tolerated-syntax-error',
      // PHP 7 warns and exits 0 (MultiPL-E passes it); PHP 8 refuses to parse it: no reference.
      name: 'an unterminated /* comment hides the tests',
      body: `${w('php')}\n}\n/* the tests follow`,
    },
    {
      threat: 'unreached-tests',
      name: 'a top-level return; before the tests',
      body: `${w('php')}\n}\nreturn;\nfunction unused() {`,
      reference: 'passed',
    },
    {
      threat: 'unreached-tests',
      name: '__halt_compiler(); before the tests',
      body: `${w('php')}\n}\n__halt_compiler();\nfunction unused() {`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own function test() that checks nothing',
      body: `${w('php')}\n}\nfunction test(): void {}\nfunction unused() {`,
    },
  ]),
  javascript: [
    ...testsNeverRan(MULTIPL_E_ADD.javascript, [
      { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
      {
        threat: 'tolerated-syntax-error',
        name: 'an unterminated /* comment',
        body: `${w('javascript')}\n}\n/* the tests follow\nfunction unused() {`,
      },
      {
        threat: 'unreached-tests',
        name: 'a top-level return (CommonJS) before the tests',
        body: `${w('javascript')}\n}\nreturn;\nfunction unused() {`,
        reference: 'passed',
      },
      {
        threat: 'redefined-tests',
        name: 'test = function () {} before the call',
        body: `${w('javascript')}\n}\ntest = function () {};\nfunction unused() {`,
        reference: 'passed',
      },
    ]),
    hostile('unreached-tests', 'HumanEval-X: a top-level return before the tests', NOT_PASSED, () =>
      humanEvalXProgram(HUMANEVAL_X_ADD.javascript, '  return x - y;\n};\nreturn;\n{'),
    ),
  ],
  typescript: testsNeverRan(MULTIPL_E_ADD.typescript, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated /* comment',
      body: `${w('typescript')}\n}\n/* the tests follow\nfunction unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'a top-level return before the tests (with @ts-ignore)',
      body: `${w('typescript')}\n}\n// @ts-ignore\nreturn;\nfunction unused() {`,
    },
    {
      threat: 'redefined-tests',
      name: 'test = function () {} before the call (with @ts-ignore)',
      body: `${w('typescript')}\n}\n// @ts-ignore\ntest = function () {};\nfunction unused() {`,
    },
  ]),
  python: [
    hostile('text-only', 'human-eval: prose instead of code', NOT_PASSED, () =>
      humanEvalProgram(PROSE),
    ),
    hostile(
      'tolerated-syntax-error',
      'human-eval: an unterminated triple-quoted string',
      NOT_PASSED,
      () => humanEvalProgram('    return a - b\n"""'),
    ),
    hostile('unreached-tests', 'human-eval: raise SystemExit(0) before check', NOT_PASSED, () =>
      humanEvalProgram('    return a - b\nraise SystemExit(0)'),
    ),
    hostile('redefined-tests', 'human-eval: its own check() that checks nothing', NOT_PASSED, () =>
      humanEvalProgram('    return a - b\ndef check(candidate):\n    pass'),
    ),
    ...testsNeverRan(MULTIPL_E_ADD.python, [
      {
        threat: 'unreached-tests',
        name: 'MultiPL-E script: sys.exit(0) before the tests',
        body: `${w('python')}\nimport sys\nsys.exit(0)`,
      },
      {
        threat: 'redefined-tests',
        name: 'MultiPL-E script: its own check() and test_check()',
        body: `${w('python')}\ndef check(candidate):\n    pass\ndef test_check():\n    pass`,
      },
    ]),
  ],
  cpp: testsNeverRan(MULTIPL_E_ADD.cpp, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated #if 0 hides the tests',
      body: `${w('cpp')}\n}\n#if 0\nlong unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own main, then an unterminated comment',
      body: `${w('cpp')}\n}\nint main() { return 0; }\n/* the tests follow`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own main that checks nothing',
      body: `${w('cpp')}\n}\nint main() { return 0; }\nlong unused() {`,
    },
  ]),
  csharp: testsNeverRan(MULTIPL_E_ADD.csharp, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('csharp')}\n    }\n/* the tests follow`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own Main, then the class closed and a comment',
      body: `${w('csharp')}\n    }\n    public static void Main(string[] args) { }\n}\n/*`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own Main that checks nothing',
      body: `${w('csharp')}\n    }\n    public static void Main(string[] args) { }\n    static long Unused() {`,
    },
  ]),
  d: testsNeverRan(MULTIPL_E_ADD.d, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('d')}\n}\n/* the tests follow\nvoid unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'the tests inside version (none)',
      body: `${w('d')}\n}\nversion (none) {\nvoid unused() {`,
    },
    {
      threat: 'redefined-tests',
      name: 'a unittest of its own that passes',
      body: `${w('d')}\n}\nunittest { assert(true); }\nvoid unused() {`,
    },
  ]),
  go: testsNeverRan(MULTIPL_E_ADD.go, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('go')}\n}\n/* the tests follow\nfunc unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'a TestMain that never calls m.Run',
      body: `${w('go')}\n}\nfunc TestMain(m *testing.M) {}\nfunc unused() {`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own TestAdd that checks nothing',
      body: `${w('go')}\n}\nfunc TestAdd(t *testing.T) {}\nfunc unused() {`,
    },
  ]),
  java: testsNeverRan(MULTIPL_E_ADD.java, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('java')}\n    }\n/* the tests follow`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own main, then the class closed and a comment',
      body: `${w('java')}\n    }\n    public static void main(String[] args) { }\n}\n/*`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own main that checks nothing',
      body: `${w('java')}\n    }\n    public static void main(String[] args) { }\n    static long unused() {`,
    },
  ]),
  julia: testsNeverRan(MULTIPL_E_ADD.julia, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated #= comment',
      body: `${w('julia')}\nend\n#= the tests follow\nfunction unused()`,
    },
    {
      threat: 'unreached-tests',
      name: 'exit(0) before the tests',
      body: `${w('julia')}\nend\nexit(0)\nfunction unused()`,
    },
    {
      threat: 'redefined-tests',
      name: 'a testset of its own that passes, then exit(0)',
      body: `${w('julia')}\nend\nusing Test\n@testset begin\n@test true\nend\nexit(0)\nfunction unused()`,
    },
  ]),
  lua: testsNeverRan(MULTIPL_E_ADD.lua, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated --[[ comment',
      body: `${w('lua')}\nend\n--[[ the tests follow\nlocal function unused()`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own luaunit test and run before the tests',
      body: `${w('lua')}\nend\nlu = require('luaunit')\nfunction test_own() lu.assertEquals(1, 1) end\nos.exit(lu.LuaUnit.run())\nlocal function unused()`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own test_humaneval that checks nothing',
      body: `${w('lua')}\nend\nfunction test_humaneval() end\nlocal function unused()`,
    },
  ]),
  perl: testsNeverRan(MULTIPL_E_ADD.perl, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated POD block hides the tests',
      body: `${w('perl')}\n}\n=pod\nsub unused {`,
      reference: 'passed',
    },
    {
      threat: 'unreached-tests',
      name: '__END__ before the tests',
      body: `${w('perl')}\n}\n__END__\nsub unused {`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own testhumaneval that checks nothing',
      body: `${w('perl')}\n}\nsub testhumaneval { }\nsub unused {`,
    },
  ]),
  r: testsNeverRan(MULTIPL_E_ADD.r, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unclosed if (FALSE) { block',
      body: `${w('r')}\n}\nif (FALSE) {\nunused <- function() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'quit(status = 0) before the tests',
      body: `${w('r')}\n}\nquit(save = "no", status = 0)\nunused <- function() {`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own test_humaneval, locked against the tests',
      body: `${w('r')}\n}\ntest_humaneval <- function() invisible(NULL)\nlockBinding("test_humaneval", environment())\nunused <- function() {`,
    },
  ]),
  racket: [
    ...testsNeverRan(MULTIPL_E_ADD.racket, [
      { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
      {
        threat: 'tolerated-syntax-error',
        name: 'an unterminated #| comment',
        body: `${w('racket')})\n#| the tests follow\n(define (unused)`,
      },
      {
        threat: 'unreached-tests',
        // Racket expands the whole module first: the tests left inside `unused` do not compile,
        // so neither rule passes it.
        name: '(exit 0) before the tests',
        body: `${w('racket')})\n(exit 0)\n(define (unused)`,
      },
      {
        threat: 'redefined-tests',
        name: 'its own test-humaneval that checks nothing',
        body: `${w('racket')})\n(define (test-humaneval) (void))\n(define (unused)`,
      },
    ]),
    hostile('empty-program', 'a module with #lang racket and nothing else', NOT_PASSED, () => ({
      language: 'racket',
      files: [{ path: 'main.rkt', contents: '#lang racket\n' }],
      mainFile: 'main.rkt',
      judge: 'multipl-e',
      timeoutMs: MULTIPL_E_ADD.racket.timeoutMs,
    })),
  ],
  ruby: testsNeverRan(MULTIPL_E_ADD.ruby, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated =begin comment',
      body: `${w('ruby')}\nend\n=begin\ndef unused`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own Test::Unit test, then exit before the tests',
      body: `${w('ruby')}\nend\nrequire 'test/unit'\nclass TestOwn < Test::Unit::TestCase\n  def test_own\n    assert_equal(1, 1)\n  end\nend\nexit\ndef unused`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own TestHumanEval#test_add, frozen against the tests',
      body: `${w('ruby')}\nend\nrequire 'test/unit'\nclass TestHumanEval < Test::Unit::TestCase\n  def test_add\n  end\nend\nTestHumanEval.freeze\ndef unused`,
    },
  ]),
  rust: testsNeverRan(MULTIPL_E_ADD.rust, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('rust')}\n}\n/* the tests follow\nfn unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own main, then an unterminated comment',
      body: `${w('rust')}\n}\nfn main() {}\n/* the tests follow`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own main that checks nothing',
      body: `${w('rust')}\n}\nfn main() {}\nfn unused() {`,
    },
  ]),
  scala: testsNeverRan(MULTIPL_E_ADD.scala, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('scala')}\n    }\n/* the tests follow`,
    },
    {
      threat: 'unreached-tests',
      name: 'its own main, then the object closed and a comment',
      body: `${w('scala')}\n    }\n    def main(args: Array[String]) = {}\n}\n/*`,
    },
    {
      threat: 'redefined-tests',
      name: 'its own main that checks nothing',
      body: `${w('scala')}\n    }\n    def main(args: Array[String]) = {}\n    def unused() = {`,
    },
  ]),
  shell: testsNeverRan(MULTIPL_E_ADD.shell, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated here-document (only a warning in bash) swallows the tests',
      body: `${w('shell')}\n}\n: <<'PASSK_NEVER'\nunused() {`,
      reference: 'passed',
    },
    {
      threat: 'unreached-tests',
      name: 'exec true before the tests',
      body: `${w('shell')}\n}\nexec true\nunused() {`,
      reference: 'passed',
    },
    {
      threat: 'redefined-tests',
      name: 'its own run_test, made read-only against the tests',
      body: `${w('shell')}\n}\nrun_test() { :; }\nreadonly -f run_test\nunused() {`,
    },
  ]),
  swift: testsNeverRan(MULTIPL_E_ADD.swift, [
    { threat: 'text-only', name: 'prose instead of code', solution: PROSE },
    {
      threat: 'tolerated-syntax-error',
      name: 'an unterminated comment',
      body: `${w('swift')}\n}\n/* the tests follow\nfunc unused() {`,
    },
    {
      threat: 'unreached-tests',
      name: 'exit(0) before the tests',
      body: `${w('swift')}\n}\nimport Foundation\nexit(0)\nfunc unused() {`,
    },
    {
      threat: 'redefined-tests',
      name: 'assertions of its own, then exit(0) before the tests',
      body: `${w('swift')}\n}\nimport Foundation\nassert(true)\nexit(0)\nfunc unused() {`,
    },
  ]),
};
