/**
 * PHP's isolated judge (`assets/php/isolated-judge.php`) keeps every honest verdict: programs in
 * MultiPL-E's shape whose answers cross between the processes unchanged (floats bit for bit,
 * -0.0, INF, the largest int, binary and UTF-8 strings, arrays with their key order and key
 * types, nested arrays, null and booleans), or that lean on PHP's ways (globals set at the top
 * level, `static` variables, constants, a helper class, output, a by-reference parameter,
 * `__FILE__`, `$argv` and the `SCRIPT_FILENAME` guard as `php main.php` has them), pass both the
 * reference run and the judge; wrong answers (an int for a float, a float for an int, another key
 * order, an object, an exception) fail both. Run through the real executor in the sandbox
 * (`judgeProgram`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPhpLanguage } from '../src/php/create-php-language.ts';
import { PHP_VERDICT_MARK } from '../src/php/php-isolated-judge.ts';
import { judgeApart, program, testExecutor } from './run-program.ts';

/** MultiPL-E's PHP program: `code` (prompt + completion), then its tests of `entry`. */
function multiplEPhp(code: string, entry: string, checks: readonly string[]): string {
  return [
    `<?php\n${code}`,
    '',
    'function candidate(...$args) {',
    `    return ${entry}(...$args);`,
    '}',
    '',
    'function test(): void {',
    ...checks.map((check) => `    if (${check}) { throw new Exception("Test failed!"); }`),
    '}',
    '',
    'test();',
  ].join('\n');
}

const HONEST: readonly [string, string, string, readonly string[]][] = [
  [
    'floats bit for bit, -0.0, INF, the largest int, an int and a float of the same value',
    'function numbers($n) {\n    return [0.1 + 0.2, -0.0, 1e308 * 10, PHP_INT_MAX, $n / 2, $n / 8, (float) $n, 1e-320];\n}',
    'numbers',
    [
      'candidate(4) !== [0.30000000000000004, 0.0, INF, 9223372036854775807, 2, 0.5, 4.0, 1.0E-320]',
    ],
  ],
  [
    'binary and UTF-8 strings, null and booleans',
    'function texts($s) {\n    return [strtoupper($s), "\\xff\\x00\\x80", ucfirst("été"), null, true, false, ""];\n}',
    'texts',
    ['candidate("abc") !== ["ABC", "\\xff\\x00\\x80", "été", null, true, false, ""]'],
  ],
  [
    'arrays with their key order and key types, nested',
    'function shapes($list) {\n    $out = ["b" => [1, [2, ["x" => null]]], "a" => $list, 3 => "three", "4" => 4];\n    arsort($list);\n    $out["sorted"] = $list;\n    return $out;\n}',
    'shapes',
    [
      'candidate([1, 3, 2]) !== ["b" => [1, [2, ["x" => null]]], "a" => [1, 3, 2], 3 => "three", 4 => 4, "sorted" => [1 => 3, 2 => 2, 0 => 1]]',
    ],
  ],
  [
    'a global set at the top level, a static counter, constants, a helper class, output',
    'define("LIMIT", 10);\nconst STEP = 1;\n$memo = [0 => 0];\nclass Clamp { public static function of($x) { return min($x, LIMIT); } }\nfunction clamp($x) {\n    global $memo;\n    static $calls = 0;\n    $calls += STEP;\n    echo "clamping $x\\n";\n    $memo[$x] = Clamp::of($x);\n    return [$memo[$x], $calls, count($memo)];\n}',
    'clamp',
    ['candidate(3) !== [3, 1, 2]', 'candidate(99) !== [10, 2, 3]'],
  ],
  [
    '__FILE__, $argv and the SCRIPT_FILENAME guard as `php main.php` has them',
    '$where = [basename(__FILE__), $argv, $argc];\nif (basename(__FILE__) === basename($_SERVER["SCRIPT_FILENAME"])) {\n    $where[] = "main";\n}\nfunction where() {\n    global $where;\n    return $where;\n}',
    'where',
    ['candidate() !== ["main.php", ["main.php"], 1, "main"]'],
  ],
  [
    'a by-reference parameter it sorts in place, a default value',
    'function sorted(&$list, $reverse = false) {\n    $reverse ? rsort($list) : sort($list);\n    return $list;\n}',
    'sorted',
    ['candidate([3, 1, 2]) !== [1, 2, 3]', 'candidate([3, 1, 2], true) !== [3, 2, 1]'],
  ],
];

const DISHONEST: readonly [string, string, string, readonly string[], string][] = [
  [
    'a wrong answer',
    'function add($x, $y) {\n    return $x - $y;\n}',
    'add',
    ['candidate(0, 1) !== 1'],
    'failed',
  ],
  [
    'a float for an int',
    'function half($x) {\n    return $x / 2.0;\n}',
    'half',
    ['candidate(4) !== 2'],
    'failed',
  ],
  [
    'an int for a float',
    'function half($x) {\n    return intdiv($x, 2);\n}',
    'half',
    ['candidate(4) !== 2.0'],
    'failed',
  ],
  [
    'another key order',
    'function pair() {\n    return ["b" => 2, "a" => 1];\n}',
    'pair',
    ['candidate() !== ["a" => 1, "b" => 2]'],
    'failed',
  ],
  [
    'an object',
    'function box() {\n    return new ArrayObject([1]);\n}',
    'box',
    ['candidate() !== [1]'],
    'failed',
  ],
  [
    'an exception of its own',
    'function boom() {\n    throw new RuntimeException("no");\n}',
    'boom',
    ['candidate() !== 1'],
    'runtime_error',
  ],
];

const executor = testExecutor();
afterAll(() => executor.close());

/** Each program with the status both runs give it: the reference run and the isolated judge. */
const CASES = [
  ...HONEST.map(([name, ...program]) => [`passes ${name}`, 'passed', ...program] as const),
  ...DISHONEST.map(([name, code, entry, checks, status]) => {
    return [`fails ${name}`, status, code, entry, checks] as const;
  }),
];

describe("PHP's isolated judge keeps every honest verdict", () => {
  it.each(CASES)('%s (%s in both)', async (_name, status, code, entry, checks) => {
    const target = program(
      'php',
      'main.php',
      'multipl-e',
      multiplEPhp(code, entry, checks),
      15_000,
    );
    const outcome = await judgeApart(createPhpLanguage(), executor, target, PHP_VERDICT_MARK);
    if (outcome === undefined) return;
    const { verdict, judged } = outcome;
    expect([verdict.passed, verdict.reference, judged]).toEqual([
      status === 'passed',
      undefined,
      status,
    ]);
    if (status === 'passed') expect(verdict.status).toBe('passed');
  });
});
