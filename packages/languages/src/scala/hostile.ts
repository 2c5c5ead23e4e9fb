import {
  FORK_BOMB_NEEDS_SANDBOX,
  type HostileSuite,
  MEMORY_BOMB_NEEDS_SANDBOX,
} from '../hostile/hostile-program.ts';

/** Hostile programs for Scala (see `HostileSuite`). */
export const SCALA_HOSTILE: HostileSuite = {
  language: 'scala',
  mainFile: 'main.scala',
  prompt:
    'import scala.math._\nimport scala.collection.mutable._\nobject Problem {\n    // Add two numbers x and y\n    def add(x : Long, y : Long) : Long = {\n',
  tests:
    '    }\n    def main(args: Array[String]) = {\n    assert(add((2l), (3l)) == (5l));\n    assert(add((7l), (5l)) == (12l));\n    }\n\n}\n',
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '        x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '        x - y', expected: 'failed' },
    { name: 'syntax error', completion: '        x + ', expected: 'compile_error' },
    {
      name: 'early sys.exit(0)',
      completion: '        sys.exit(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '        while (true) {}\n        0',
      expected: 'timeout',
      timeoutMs: 3000,
    },
    {
      name: 'endless output',
      completion: '        while (true) { print("x" * 65536) }\n        0',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion: '        val a = (1 to 64).map(_ => new Array[Byte](1 << 28))\n        x + y',
      expected: 'memory_limit',
      sandboxOnly: MEMORY_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'fork bomb',
      completion:
        '        while (true) { try { Runtime.getRuntime.exec("sleep 1000") } catch { case _: Throwable => } }\n        0',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        '        if (System.getenv("PASSK_HOSTILE_SECRET") != null) throw new Exception("secret visible")\n        x + y',
      expected: 'passed',
    },
  ],
};
