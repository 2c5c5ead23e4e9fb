import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXSolution } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD, multiplESolution } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand, literal as go } from './hostile-code.ts';
import { fileEntries, hostile, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const add = MULTIPL_E_ADD.go;

/**
 * A MultiPL-E solution: the prompt with `imports` added to its import block (Go rejects unused
 * imports, so each program lists its own), the body `body` of `add(x int, y int) int`, the
 * tests.
 */
const program =
  (imports: readonly string[], body: (context: HostileContext) => string, timeoutMs?: number) =>
  (context: HostileContext) =>
    multiplESolution(
      add,
      `${add.prompt.replace('    "fmt"\n', `    "fmt"\n${imports.map((name) => `    "${name}"\n`).join('')}`)}${body(context)}${add.close}`,
      timeoutMs === undefined ? {} : { timeoutMs },
    );

/** Runs `/bin/sh -c <command>` with the test binary's stdin, stdout and stderr. */
const shell = (command: string): string =>
  `    command := exec.Command("/bin/sh", "-c", ${go(command)})\n    command.Stdin, command.Stdout, command.Stderr = os.Stdin, os.Stdout, os.Stderr\n    command.Run()`;

/** Tries to write every target and to read `read`; panics if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    var reached []string',
    `    for _, path := range []string{${targets.map(go).join(', ')}} {`,
    `        if os.WriteFile(path, []byte("hostile"), 0o644) == nil && path == ${go(guarded)} {`,
    '            reached = append(reached, "wrote "+path)',
    '        }',
    '    }',
    `    if _, err := os.ReadFile(${go(read)}); err == nil {`,
    '        reached = append(reached, "read")',
    '    }',
    '    if len(reached) > 0 {',
    '        panic(fmt.Sprint("reached ", reached))',
    '    }',
    '    return x + y',
  ].join('\n');

/**
 * Go: MultiPL-E's program (`go test main_test.go`, split into a `go test -c` build on the
 * shared build cache and a run of the test binary with go test's flags; evidence: the testing
 * package's final `PASS`), plus HumanEval-X's rule for an early exit.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    program(
      ['os', 'os/exec'],
      (c) => `${shell(forkBombCommand(c))}\n    for {\n    }`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (os/exec), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    // The runtime's "fatal error: out of memory" comes before every goroutine's traceback (at
    // any GOTRACEBACK), about 5 KiB here, and can fall out of the 4 KiB tail of stderr the
    // verdict sees: then it is a crash (runtime_error); MultiPL-E says Exception either way.
    'make([]byte, 8 GiB)',
    ['memory_limit', 'runtime_error'],
    program([], () => '    big := make([]byte, 1<<33)\n    return x + y + len(big)*0'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    program(['os'], () =>
      [
        '    file, _ := os.Create("filler")',
        '    chunk := make([]byte, 1<<20)',
        '    for {',
        '        if _, err := file.Write(chunk); err != nil {',
        '            panic(err)',
        '        }',
        '    }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'os.Stdout.Write without end',
    ['output_limit'],
    program(
      ['os'],
      () => '    chunk := make([]byte, 65536)\n    for {\n        os.Stdout.Write(chunk)\n    }',
    ),
  ),
  hostile(
    'endless-sleep',
    'time.Sleep for 1000 s',
    ['timeout'],
    program(
      ['time'],
      () => '    time.Sleep(1000 * time.Second)\n    return x + y',
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.daemon(
    program(['os', 'os/exec'], (c) => `${shell(daemonCommand(c))}\n    return x + y`),
    'a setsid shell loop holding stdout (os/exec), then the right answer',
  ),
  row.apiKey(
    program(['os', 'path/filepath', 'strings'], (c) =>
      [
        `    if _, found := os.LookupEnv(${go(c.apiKeyName)}); found {`,
        '        panic("leaked in the environment")',
        '    }',
        '    files, _ := filepath.Glob("/proc/[0-9]*/environ")',
        '    for _, file := range files {',
        '        environ, _ := os.ReadFile(file)',
        `        if strings.Contains(string(environ), ${go(c.apiKey)}) {`,
        '            panic("leaked in " + file)',
        '        }',
        '    }',
        '    return x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries((code) => program(['os'], code), reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (net.DialTimeout)',
    ['passed'],
    program(['net', 'time'], (c) =>
      [
        `    for _, address := range []string{"127.0.0.1:${c.port}", "1.1.1.1:80"} {`,
        '        if _, err := net.DialTimeout("tcp", address, 2*time.Second); err == nil {',
        '            panic("connected to " + address)',
        '        }',
        '    }',
        '    return x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes os.Stdout and os.Stderr (the tests complete, PASS cannot be printed)',
    ['runtime_error'],
    program(['os'], () => '    os.Stdout.Close()\n    os.Stderr.Close()\n    return x + y'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    program(['io', 'os'], () => '    io.ReadAll(os.Stdin)\n    return x + y'),
  ),
  hostile(
    'early-exit',
    'os.Exit(0) in init, before the tests (MultiPL-E: exit 0 and no FAIL pass)',
    ['runtime_error'],
    program(['os'], () => '    return x + y\n}\n\nfunc init() {\n    os.Exit(0)'),
    'passed',
  ),
  hostile(
    'early-exit',
    'os.Exit(0) during a test (go test makes it a panic)',
    ['runtime_error'],
    program(['os'], () => '    os.Exit(0)\n    return 0'),
    'failed',
  ),
  hostile(
    'early-exit',
    "os.Exit(0) in init under HumanEval-X's rule",
    ['runtime_error'],
    () =>
      humanEvalXSolution(
        HUMANEVAL_X_ADD.go,
        'import "os"\n\nfunc init() {\n    os.Exit(0)\n}\n\nfunc Add(x int, y int) int {\n    return x + y\n}\n',
      ),
    'passed',
  ),
  row.killParent(
    program(
      ['os', 'syscall'],
      () => '    syscall.Kill(os.Getppid(), syscall.SIGKILL)\n    return x + y',
    ),
  ),
  row.killSelf(
    program(
      ['os', 'syscall'],
      () => '    syscall.Kill(os.Getpid(), syscall.SIGKILL)\n    return x + y',
    ),
  ),
];

export const GO_TABLE: HostileTable = { programs: PROGRAMS };
