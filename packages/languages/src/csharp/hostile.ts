import {
  FORK_BOMB_NEEDS_SANDBOX,
  type HostileSuite,
  MEMORY_BOMB_NEEDS_SANDBOX,
} from '../hostile/hostile-program.ts';

/** Hostile programs for C# (see `HostileSuite`). */
export const CSHARP_HOSTILE: HostileSuite = {
  language: 'csharp',
  mainFile: 'main.cs',
  prompt:
    'using System;\nusing System.Numerics;\nusing System.Diagnostics;\nusing System.Collections.Generic;\nusing System.Linq;\nclass Problem {\n    // Add two numbers x and y\n    public static long Add(long x, long y) {\n',
  tests:
    '    }\n    public static void Main(string[] args) {\n    Debug.Assert(Add((2L), (3L)) == (5L));\n    Debug.Assert(Add((7L), (5L)) == (12L));\n    }\n\n}\n',
  timeoutMs: 5_000,
  cases: [
    { name: 'correct', completion: '        return x + y;', expected: 'passed' },
    { name: 'wrong answer', completion: '        return x - y;', expected: 'failed' },
    { name: 'syntax error', completion: '        return x + ;', expected: 'compile_error' },
    {
      name: 'uncaught exception',
      completion: '        throw new Exception("boom");',
      expected: 'runtime_error',
    },
    {
      name: 'early Environment.Exit(0)',
      completion: '        Environment.Exit(0); return 0;',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '        while (true) {}',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: "        while (true) { Console.Write(new string('x', 65536)); }",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        '        var a = new List<byte[]>();\n        for (int i = 0; i < 64; i++) a.Add(new byte[1 << 28]);\n        return x + y;',
      expected: 'memory_limit',
      sandboxOnly: MEMORY_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'fork bomb',
      completion: '        while (true) { try { Process.Start("sleep", "1000"); } catch {} }',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        '        if (Environment.GetEnvironmentVariable("PASSK_HOSTILE_SECRET") != null) throw new Exception("secret visible");\n        return x + y;',
      expected: 'passed',
    },
  ],
};
