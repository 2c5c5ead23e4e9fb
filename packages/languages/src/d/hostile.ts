import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for D (see `HostileSuite`). */
export const D_HOSTILE: HostileSuite = {
  language: 'd',
  mainFile: 'main.d',
  prompt: 'import std.math;\n/*\nAdd two numbers x and y\n*/\nlong add(long x, long y) \n{\n',
  tests:
    '}\nunittest\n{\n    alias candidate = add;\n\n    assert(candidate(2L, 3L) == 5L);\n    assert(candidate(7L, 5L) == 12L);\n}\nvoid main(){}\n',
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '    return x + y;', expected: 'passed' },
    { name: 'wrong answer', completion: '    return x - y;', expected: 'failed' },
    { name: 'syntax error', completion: '    return x + ;', expected: 'compile_error' },
    {
      name: 'early exit(0)',
      completion: '    import core.stdc.stdlib : exit;\n    exit(0);\n    return 0;',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '    while (true) {}',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion:
        '    import std.stdio : write;\n    import std.array : replicate;\n    while (true) write("x".replicate(65536));',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        '    ubyte[][] a;\n    foreach (i; 0 .. 64) a ~= new ubyte[](1 << 28);\n    return x + y;',
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: '    import core.sys.posix.unistd : fork;\n    while (true) fork();',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        '    import std.process : environment;\n    if (environment.get("PASSK_HOSTILE_SECRET") !is null) throw new Exception("secret visible");\n    return x + y;',
      expected: 'passed',
    },
  ],
};
