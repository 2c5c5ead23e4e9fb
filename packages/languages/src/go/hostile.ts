import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main_test.go', judge: 'multipl-e', timeoutMs: 30_000 };
const short = { ...multiplE, timeoutMs: 3000 };

const test = (imports: string[], body: string, extra = ''): string =>
  `package main_test\n\nimport (\n${imports.map((name) => `    "${name}"\n`).join('')})\n${extra}\nfunc TestHostile(t *testing.T) {\n${body}}\n`;

/** Hostile Go programs and the verdicts they must get (see `HostileProgram`). */
export const GO_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early exit 0 before the tests (in init)',
    'go',
    multiplE,
    test(['os', 'testing'], '    t.Fatal("never reached")\n', 'func init() { os.Exit(0) }\n'),
    ['runtime_error'],
  ),
  hostile(
    'early exit 0 during a test',
    'go',
    multiplE,
    test(['os', 'testing'], '    os.Exit(0)\n'),
    ['runtime_error'],
  ),
  hostile(
    'endless output',
    'go',
    multiplE,
    test(
      ['os', 'testing'],
      '    chunk := make([]byte, 65536)\n    for {\n        os.Stdout.Write(chunk)\n    }\n',
    ),
    ['output_limit'],
  ),
  hostile('infinite loop', 'go', short, test(['testing'], '    for {\n    }\n'), ['timeout']),
  hostile(
    'memory bomb',
    'go',
    multiplE,
    test(
      ['testing'],
      '    var keep [][]byte\n    for {\n        chunk := make([]byte, 1<<26)\n        for i := range chunk {\n            chunk[i] = 1\n        }\n        keep = append(keep, chunk)\n    }\n',
    ),
    ['memory_limit', 'runtime_error'],
  ),
  hostile(
    'reads a planted secret from the environment',
    'go',
    multiplE,
    test(
      ['os', 'testing'],
      `    if os.Getenv("${HOSTILE_SECRET_VARIABLE}") != "" {\n        t.Fatal("secret leaked")\n    }\n`,
    ),
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'fork bomb',
    'go',
    multiplE,
    test(
      ['os', 'os/exec', 'testing'],
      '    for {\n        exec.Command(os.Args[0]).Start()\n    }\n',
    ),
    ['timeout', 'runtime_error', 'memory_limit'],
    { needsSandbox: true },
  ),
  hostile(
    'writes outside its work directory',
    'go',
    multiplE,
    test(
      ['os', 'testing'],
      '    if err := os.WriteFile("/tmp/passk-hostile-escape-go", []byte("x"), 0o644); err == nil {\n        t.Fatal("wrote outside the work directory")\n    }\n',
    ),
    ['passed'],
    { needsSandbox: true },
  ),
];
