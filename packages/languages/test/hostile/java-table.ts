import type { HostileContext, HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand, literal as java } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.java);

/** A body whose checked exceptions are rethrown unchecked. */
const checked = (code: string): string =>
  `        try {\n${code}\n        } catch (Exception e) {\n            throw new RuntimeException(e);\n        }`;

/** Starts `/bin/sh -c <command>` with the program's stdin, stdout and stderr, and waits for it. */
const shell = (command: string): string =>
  `            new ProcessBuilder("/bin/sh", "-c", ${java(command)}).inheritIO().start().waitFor();`;

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '        List<String> reached = new ArrayList<>();',
    `        for (String path : new String[] {${targets.map(java).join(', ')}}) {`,
    '            try {',
    '                java.nio.file.Files.writeString(java.nio.file.Path.of(path), "hostile");',
    `                if (path.equals(${java(guarded)})) reached.add("wrote " + path);`,
    '            } catch (IOException e) {}',
    '        }',
    '        try {',
    `            java.nio.file.Files.readString(java.nio.file.Path.of(${java(read)}));`,
    '            reached.add("read");',
    '        } catch (IOException e) {}',
    '        if (!reached.isEmpty()) throw new RuntimeException("reached " + reached);',
    '        return x + y;',
  ].join('\n');

/**
 * Java: MultiPL-E's program (`javac` through the warm compiler, then `java -ea` with the
 * javatuples jar through `PasskMain`, which prints the completion sentinel after
 * `Problem.main` returns; exit code), plus HumanEval-X's rule for an early exit. Without an
 * address-space limit (the JVM reserves far more than it uses), the heap limit bounds memory.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body(
      (c) => `${checked(shell(forkBombCommand(c, 0.5)))}\n        while (true) {}`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (ProcessBuilder) going off after 0.5 s, then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'a long[] of 16 GiB, beyond the heap limit (OutOfMemoryError)',
    ['memory_limit'],
    body(
      () =>
        '        long[] big = new long[Integer.MAX_VALUE - 8];\n        return x + y + big.length * 0;',
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      checked(
        [
          '            byte[] chunk = new byte[1 << 20];',
          '            try (FileOutputStream out = new FileOutputStream("filler")) {',
          '                while (true) out.write(chunk);',
          '            }',
        ].join('\n'),
      ),
    ),
  ),
  hostile(
    'endless-output',
    'System.out.print without end',
    ['output_limit'],
    body(
      () =>
        '        String chunk = "x".repeat(65536);\n        while (true) System.out.print(chunk);',
    ),
  ),
  hostile(
    'endless-sleep',
    'Thread.sleep for 1000 s',
    ['timeout'],
    body(
      () => `${checked('            Thread.sleep(1_000_000);')}\n        return x + y;`,
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.daemon(
    body((c) => `${checked(shell(daemonCommand(c)))}\n        return x + y;`),
    'a setsid shell loop holding stdout (ProcessBuilder), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `        if (System.getenv(${java(c.apiKeyName)}) != null) throw new RuntimeException("leaked in the environment");`,
        '        File[] processes = new File("/proc").listFiles((dir, name) => name.matches("[0-9]+"));',
        '        for (File process : processes) {',
        '            try {',
        '                String environ = new String(java.nio.file.Files.readAllBytes(new File(process, "environ").toPath()));',
        `                if (environ.contains(${java(c.apiKey)})) throw new RuntimeException("leaked in " + process);`,
        '            } catch (IOException e) {}',
        '        }',
        '        return x + y;',
      ]
        .join('\n')
        .replace('=>', '->'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (java.net.Socket)',
    ['passed'],
    body((c: HostileContext) =>
      [
        `        for (String target : new String[] {"127.0.0.1:${c.port}", "1.1.1.1:80"}) {`,
        '            String[] parts = target.split(":");',
        '            try (java.net.Socket socket = new java.net.Socket()) {',
        '                socket.connect(new java.net.InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);',
        '                throw new RuntimeException("connected to " + target);',
        '            } catch (IOException e) {}',
        '        }',
        '        return x + y;',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes System.out and System.err (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    body(() => '        System.out.close();\n        System.err.close();\n        return x + y;'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => `${checked('            System.in.readAllBytes();')}\n        return x + y;`),
  ),
  hostile(
    'early-exit',
    'System.exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '        System.exit(0);\n        return 0;'),
    'passed',
  ),
  hostile(
    'early-exit',
    'Runtime.getRuntime().halt(0)',
    ['runtime_error'],
    body(() => '        Runtime.getRuntime().halt(0);\n        return 0;'),
    'passed',
  ),
  hostile(
    'early-exit',
    "System.exit(0) under HumanEval-X's rule (CodeGeeX's harness as shipped fails every Java program)",
    ['runtime_error'],
    () =>
      humanEvalXProgram(
        HUMANEVAL_X_ADD.java,
        '        System.exit(0);\n        return 0;\n    }\n}',
      ),
    'failed',
  ),
  row.killParent(
    body(
      () =>
        '        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);\n        return x + y;',
    ),
  ),
  row.killSelf(
    body(
      () =>
        `${checked('            new ProcessBuilder("/bin/sh", "-c", "kill -9 " + ProcessHandle.current().pid()).start().waitFor();\n            Thread.sleep(10_000);')}\n        return x + y;`,
    ),
    'SIGKILL to its own JVM (kill -9) before the tests',
  ),
];

export const JAVA_TABLE: HostileTable = { programs: PROGRAMS };
