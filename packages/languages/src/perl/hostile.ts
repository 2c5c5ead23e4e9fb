import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

const check = (args: string, expected: number) =>
  `        if(eq_deeply($candidate->(${args}),${expected})) {\n        print "ok!" }else{\n        exit 1;\n        }\n`;

/** Hostile programs for Perl (see `HostileSuite`). */
export const PERL_HOSTILE: HostileSuite = {
  language: 'perl',
  mainFile: 'main.pl',
  prompt: '# Add two numbers x and y\nsub add {\n    my($x, $y) = @_;\n',
  tests: `}\nuse Test::Deep;\n\n\nsub testhumaneval {\n    my $candidate = \\&add;\n${check('2, 3', 5)}${check('7, 5', 12)}}\n\ntesthumaneval();\n`,
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '    return $x + $y;', expected: 'passed' },
    { name: 'wrong answer', completion: '    return $x - $y;', expected: 'failed' },
    { name: 'syntax error', completion: '    return $x + ;', expected: 'compile_error' },
    {
      name: 'early exit 0',
      completion: '    exit 0;',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'POSIX::_exit(0)',
      completion: '    require POSIX; POSIX::_exit(0);',
      expected: 'runtime_error',
      referencePassed: true,
    },
    { name: 'endless loop', completion: '    while (1) {}', expected: 'timeout', timeoutMs: 1500 },
    {
      name: 'endless output',
      completion: "    while (1) { print 'x' x 65536 }",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion: "    my @a; push @a, 'x' x (1 << 28) for 1 .. 64;\n    return $x + $y;",
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: '    while (1) { fork }',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        "    die 'secret visible' if exists $ENV{PASSK_HOSTILE_SECRET};\n    return $x + $y;",
      expected: 'passed',
    },
  ],
};
