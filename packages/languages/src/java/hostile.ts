import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main.java', judge: 'multipl-e', timeoutMs: 15_000 };
const humanEvalX = { path: 'Main.java', judge: 'humaneval-x', timeoutMs: 5000 };
const short = { ...multiplE, timeoutMs: 2000 };

const problem = (body: string): string =>
  `import java.util.*;\n\nclass Problem {\n    public static void main(String[] args) throws Exception {\n${body}    }\n}\n`;

/** Hostile Java programs and the verdicts they must get (see `HostileProgram`). */
export const JAVA_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early System.exit(0)',
    'java',
    multiplE,
    problem('        System.exit(0);\n        assert(1 == 2);\n'),
    ['runtime_error'],
  ),
  hostile(
    'early System.exit(0) (HumanEval-X)',
    'java',
    humanEvalX,
    'public class Main {\n    public static void main(String[] args) {\n        System.exit(0);\n        throw new AssertionError();\n    }\n}\n',
    ['runtime_error'],
  ),
  hostile('halts the JVM', 'java', multiplE, problem('        Runtime.getRuntime().halt(0);\n'), [
    'runtime_error',
  ]),
  hostile(
    'endless output',
    'java',
    multiplE,
    problem(
      '        String chunk = "x".repeat(65536);\n        while (true) System.out.print(chunk);\n',
    ),
    ['output_limit'],
  ),
  hostile(
    'infinite loop',
    'java',
    short,
    problem('        long n = 0;\n        while (true) n++;\n'),
    ['timeout'],
  ),
  hostile(
    'memory bomb',
    'java',
    multiplE,
    problem(
      '        List<long[]> keep = new ArrayList<>();\n        while (true) keep.add(new long[1 << 24]);\n',
    ),
    ['memory_limit', 'runtime_error'],
  ),
  hostile(
    'reads a planted secret from the environment',
    'java',
    multiplE,
    problem(`        assert(System.getenv("${HOSTILE_SECRET_VARIABLE}") == null);\n`),
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'fork bomb',
    'java',
    multiplE,
    problem('        while (true) new ProcessBuilder("java", "-cp", ".", "Problem").start();\n'),
    ['timeout', 'runtime_error', 'memory_limit'],
    { needsSandbox: true },
  ),
  hostile(
    'writes outside its work directory',
    'java',
    multiplE,
    problem(
      '        boolean escaped = true;\n        try { java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/passk-hostile-escape-java"), "x"); } catch (java.io.IOException e) { escaped = false; }\n        assert(!escaped);\n',
    ),
    ['passed'],
    { needsSandbox: true },
  ),
];
