import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for Bash (see `HostileSuite`). */
export const SHELL_HOSTILE: HostileSuite = {
  language: 'shell',
  mainFile: 'main.sh',
  prompt:
    '#!/bin/bash\n# Add two numbers x and y\n#\n# $1 is an integer\n# $2 is an integer\nadd() {\n',
  tests:
    '}\n\ncandidate() {\n    add "$@"\n}\n\nset -e\nrun_test() {\n    [[ $(candidate "2" "3") = "5" ]]\n    [[ $(candidate "7" "5") = "12" ]]\n}\n\nrun_test',
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '    echo $(( $1 + $2 ))', expected: 'passed' },
    { name: 'wrong answer', completion: '    echo $(( $1 - $2 ))', expected: 'failed' },
    {
      name: 'syntax error',
      completion: '    echo $(( $1 + $2 ))\n}\n}',
      expected: 'compile_error',
    },
    {
      name: 'syntax error that bash exits 0 on',
      completion: '    if [[ x; then echo 1; fi',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'early exit 0 of the script',
      completion: '    kill -TERM $$; exit 0',
      expected: 'runtime_error',
    },
    {
      name: 'endless loop',
      completion: '    while true; do :; done',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: '    while true; do printf "%065536d" 0 >&2; done',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      // bash copies strings to grow them: 4 GiB takes longer than the time limit, so 256 MiB.
      completion: "    printf -v a '%*s' 100000000 ''; b=\"$a$a$a\"",
      expected: 'memory_limit',
      maxMemoryBytes: 256 * 1024 ** 2,
    },
    {
      name: 'fork bomb',
      completion: '    f() { f | f & }; f',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion
      completion: '    [ -n "${PASSK_HOSTILE_SECRET+set}" ] && exit 3\n    echo $(( $1 + $2 ))',
      expected: 'passed',
    },
  ],
};
