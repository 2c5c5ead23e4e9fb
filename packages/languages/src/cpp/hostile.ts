import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main.cpp', judge: 'multipl-e', timeoutMs: 15_000 };
const humanEvalX = { path: 'test.cpp', judge: 'humaneval-x', timeoutMs: 5000 };
const short = { ...multiplE, timeoutMs: 1000 };
const prelude = '#include<assert.h>\n#include<bits/stdc++.h>\n#include<unistd.h>\n';

/** Hostile C++ programs and the verdicts they must get (see `HostileProgram`). */
export const CPP_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early exit 0',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    std::exit(0);\n    assert(1 == 2);\n}\n`,
    ['runtime_error'],
  ),
  hostile(
    'early exit 0 (HumanEval-X)',
    'cpp',
    humanEvalX,
    '#include<stdlib.h>\n#include<assert.h>\nint main(){\n    exit(0);\n    assert(1 == 2);\n}\n',
    ['runtime_error'],
  ),
  hostile('early _exit(0)', 'cpp', multiplE, `${prelude}int main() {\n    _exit(0);\n}\n`, [
    'runtime_error',
  ]),
  hostile('kills itself', 'cpp', multiplE, `${prelude}int main() {\n    raise(SIGKILL);\n}\n`, [
    'runtime_error',
  ]),
  hostile(
    'endless output',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    static char chunk[65536];\n    memset(chunk, 'x', sizeof chunk);\n    while (true) fwrite(chunk, 1, sizeof chunk, stdout);\n}\n`,
    ['output_limit'],
  ),
  hostile(
    'infinite loop',
    'cpp',
    short,
    `${prelude}int main() {\n    volatile unsigned long n = 0;\n    while (true) n++;\n}\n`,
    ['timeout'],
  ),
  hostile(
    'memory bomb',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    std::vector<std::vector<char>> keep;\n    while (true) keep.emplace_back(1 << 26, 'x');\n}\n`,
    ['memory_limit'],
  ),
  hostile(
    'unbounded recursion',
    'cpp',
    multiplE,
    `${prelude}int f(int n) { volatile char pad[256]; pad[0] = n; return f(n + 1) + pad[0]; }\nint main() {\n    return f(0);\n}\n`,
    ['runtime_error'],
  ),
  hostile(
    'compiler reads an endless file',
    'cpp',
    { ...multiplE, timeoutMs: 2000 },
    '#include </dev/zero>\nint main() {}\n',
    ['compile_error', 'timeout', 'memory_limit'],
  ),
  hostile(
    'reads a planted secret from the environment',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    assert(getenv("${HOSTILE_SECRET_VARIABLE}") == nullptr);\n}\n`,
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'fork bomb',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    while (true) fork();\n}\n`,
    ['timeout', 'runtime_error', 'memory_limit'],
    { needsSandbox: true },
  ),
  hostile(
    'writes outside its work directory',
    'cpp',
    multiplE,
    `${prelude}int main() {\n    FILE *file = fopen("/tmp/passk-hostile-escape-cpp", "w");\n    assert(file == nullptr);\n}\n`,
    ['passed'],
    { needsSandbox: true },
  ),
];
