import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD, multiplESolution } from '../multipl-e-add.ts';
import { literal as cpp, daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.cpp;

/** POSIX headers the programs use besides the prompt's `assert.h` and `bits/stdc++.h`. */
const POSIX = [
  '#include<unistd.h>',
  '#include<signal.h>',
  '#include<sys/socket.h>',
  '#include<netinet/in.h>',
  '#include<arpa/inet.h>',
].join('\n');

/**
 * A MultiPL-E solution: the prompt with POSIX headers added, the body `body` of
 * `long add(long x, long y)`, the tests.
 */
const program =
  (body: (context: HostileContext) => string, timeoutMs?: number) => (context: HostileContext) =>
    multiplESolution(
      add,
      `${add.prompt.replace('#include<bits/stdc++.h>\n', `#include<bits/stdc++.h>\n${POSIX}\n`)}${body(context)}`,
      timeoutMs === undefined ? {} : { timeoutMs },
    );

/** Tries to write every target and to read `read`; aborts if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    `    for (const char *path : {${targets.map(cpp).join(', ')}}) {`,
    '        FILE *file = fopen(path, "w");',
    '        if (file == nullptr) continue;',
    '        fputs("hostile", file);',
    '        fclose(file);',
    `        if (strcmp(path, ${cpp(guarded)}) == 0) abort();`,
    '    }',
    `    if (fopen(${cpp(read)}, "r") != nullptr) abort();`,
    '    return x + y;',
  ].join('\n');

/**
 * C++: MultiPL-E's program (`g++ main.cpp -std=c++17`, then `./main`; exit code; evidence: the
 * completion sentinel printed by the `main` wrapper passk links in), plus HumanEval-X's rule
 * for an early exit and a compiler that reads an endless file.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    program(
      (c) => `    system(${cpp(forkBombCommand(c))});\n    for (;;) sleep(1);`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (system), then sleeps',
  ),
  hostile(
    'memory-bomb',
    'a vector of 8 GiB (std::bad_alloc)',
    ['memory_limit'],
    program(() => '    std::vector<char> big(1ul << 33);\n    return x + y + big.size() * 0;'),
  ),
  hostile(
    'memory-bomb',
    'unbounded recursion (the stack limit: SIGSEGV)',
    ['runtime_error'],
    program(
      () =>
        '    volatile char pad[256];\n    pad[0] = (char)x;\n    return add(x + 1, y) + pad[0];',
    ),
  ),
  hostile(
    'memory-bomb',
    // g++'s memory grows as fast as it reads: on a loaded machine the build's time limit can
    // come before its memory limit. Each ending is bounded, and the machine is checked clean.
    'the compiler reads an endless file (#include </dev/zero>)',
    ['compile_error', 'memory_limit', 'timeout'],
    () => multiplESolution(add, `#include </dev/zero>\n${add.prompt}    return x + y;`, {}),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    program(() =>
      [
        '    static char chunk[1 << 20];',
        '    FILE *file = fopen("filler", "w");',
        '    for (;;) fwrite(chunk, 1, sizeof chunk, file);',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'fwrite to stdout without end',
    ['output_limit'],
    program(() =>
      [
        '    static char chunk[65536];',
        "    memset(chunk, 'x', sizeof chunk);",
        '    for (;;) fwrite(chunk, 1, sizeof chunk, stdout);',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-sleep',
    'sleep(1000)',
    ['timeout'],
    program(() => '    sleep(1000);\n    return x + y;', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    program((c) => `    system(${cpp(daemonCommand(c))});\n    return x + y;`),
    'a setsid shell loop holding stdout (system), then the right answer',
  ),
  row.apiKey(
    program((c) =>
      [
        `    if (getenv(${cpp(c.apiKeyName)}) != nullptr) abort();`,
        '    for (const auto &entry : std::filesystem::directory_iterator("/proc")) {',
        '        std::ifstream environ(entry.path() / "environ", std::ios::binary);',
        '        std::string all((std::istreambuf_iterator<char>(environ)), std::istreambuf_iterator<char>());',
        `        if (all.find(${cpp(c.apiKey)}) != std::string::npos) abort();`,
        '    }',
        '    return x + y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(program, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (socket, connect)',
    ['passed'],
    program((c) =>
      [
        `    for (auto [host, port] : {std::pair{"127.0.0.1", ${c.port}}, std::pair{"1.1.1.1", 80}}) {`,
        '        int fd = socket(AF_INET, SOCK_STREAM, 0);',
        '        sockaddr_in address{};',
        '        address.sin_family = AF_INET;',
        '        address.sin_port = htons(port);',
        '        inet_pton(AF_INET, host, &address.sin_addr);',
        '        if (fd >= 0 && connect(fd, (sockaddr *)&address, sizeof address) == 0) abort();',
        '    }',
        '    return x + y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes file descriptors 1 and 2 (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    program(() => '    close(1);\n    close(2);\n    return x + y;'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    program(() => '    while (getchar() != EOF) {}\n    return x + y;'),
  ),
  hostile(
    'early-exit',
    'exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    program(() => '    exit(0);'),
    'passed',
  ),
  hostile(
    'early-exit',
    '_exit(0)',
    ['runtime_error'],
    program(() => '    _exit(0);'),
    'passed',
  ),
  hostile(
    'early-exit',
    "exit(0) under HumanEval-X's rule",
    ['runtime_error'],
    () => humanEvalXProgram(HUMANEVAL_X_ADD.cpp, '    exit(0);\n}\n'),
    'passed',
  ),
  row.killParent(program(() => '    kill(getppid(), SIGKILL);\n    return x + y;')),
  row.killSelf(program(() => '    kill(getpid(), SIGKILL);\n    return x + y;')),
];

export const CPP_TABLE: HostileTable = { programs: PROGRAMS };
