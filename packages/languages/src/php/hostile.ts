import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for PHP (see `HostileSuite`). */
export const PHP_HOSTILE: HostileSuite = {
  language: 'php',
  mainFile: 'main.php',
  prompt: '<?php\n// Add two numbers x and y\nfunction add($x, $y) {\n',
  tests:
    '}\nfunction candidate(...$args) {\n    return add(...$args);\n}\n\nfunction test(): void {\n    if (candidate(2, 3) !== 5) { throw new Exception("Test failed!"); }\n    if (candidate(7, 5) !== 12) { throw new Exception("Test failed!"); }\n}\n\ntest();',
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '    return $x + $y;', expected: 'passed' },
    { name: 'wrong answer', completion: '    return $x - $y;', expected: 'failed' },
    { name: 'syntax error', completion: '    return $x + ;', expected: 'compile_error' },
    {
      name: 'early exit 0',
      completion: '    exit(0);',
      expected: 'runtime_error',
      referencePassed: true,
    },
    { name: 'die()', completion: '    die();', expected: 'runtime_error', referencePassed: true },
    {
      name: 'endless loop',
      completion: '    while (true) {}',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: "    while (true) { echo str_repeat('x', 65536); }",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        "    ini_set('memory_limit', '-1');\n    $a = [];\n    for ($i = 0; $i < 64; $i++) { $a[] = str_repeat('x', 1 << 28); }\n    return $x + $y;",
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: "    while (true) { @exec('sleep 1000 > /dev/null &'); }",
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        "    if (getenv('PASSK_HOSTILE_SECRET') !== false) { throw new Exception('secret visible'); }\n    return $x + $y;",
      expected: 'passed',
    },
  ],
};
