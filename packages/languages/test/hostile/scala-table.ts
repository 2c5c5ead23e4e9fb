import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand, literal as scala } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.scala);

/** Starts `/bin/sh -c <command>` with the program's stdin, stdout and stderr, and waits for it. */
const shell = (command: string): string =>
  `        new ProcessBuilder("/bin/sh", "-c", ${scala(command)}).inheritIO().start().waitFor()`;

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '        val reached = new scala.collection.mutable.ArrayBuffer[String]()',
    `        for (path <- List(${targets.map(scala).join(', ')})) {`,
    '            try {',
    '                java.nio.file.Files.write(java.nio.file.Paths.get(path), "hostile".getBytes)',
    `                if (path == ${scala(guarded)}) reached += ("wrote " + path)`,
    '            } catch { case _: java.io.IOException => }',
    '        }',
    '        try {',
    `            java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(${scala(read)}))`,
    '            reached += "read"',
    '        } catch { case _: java.io.IOException => }',
    '        if (reached.nonEmpty) throw new RuntimeException("reached " + reached)',
    '        x + y',
  ].join('\n');

/**
 * Scala 2: MultiPL-E's program (`scalac` with `PasskMain.scala`, then `scala PasskMain`, which
 * prints the completion sentinel after `Problem.main` returns; exit code 0 and an empty stderr
 * pass). One program per threat: every one is a cold `scalac` of several seconds. No
 * address-space limit (the JVM reserves far more than it uses): the heap limit bounds memory.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body(
      (c) => `${shell(forkBombCommand(c, 0.5))}\n        while (true) {}\n        0L`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (ProcessBuilder) going off after 0.5 s, then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'an Array[Long] of 16 GiB, beyond the heap limit (OutOfMemoryError)',
    ['memory_limit'],
    body(
      () => '        val big = new Array[Long](Int.MaxValue - 8)\n        x + y + big.length * 0',
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '        val out = new java.io.FileOutputStream("filler")',
        '        val chunk = new Array[Byte](1 << 20)',
        '        while (true) out.write(chunk)',
        '        0L',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'print without end',
    ['output_limit'],
    body(() => '        val chunk = "x" * 65536\n        while (true) print(chunk)\n        0L'),
  ),
  hostile(
    'endless-sleep',
    'Thread.sleep for 1000 s',
    ['timeout'],
    body(() => '        Thread.sleep(1000000L)\n        x + y', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) => `${shell(daemonCommand(c))}\n        x + y`),
    'a setsid shell loop holding stdout (ProcessBuilder), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `        if (System.getenv(${scala(c.apiKeyName)}) != null) throw new RuntimeException("leaked in the environment")`,
        '        for (process <- new java.io.File("/proc").listFiles() if process.getName.forall(_.isDigit)) {',
        '            val environ = try new String(java.nio.file.Files.readAllBytes(new java.io.File(process, "environ").toPath)) catch { case _: java.io.IOException => "" }',
        `            if (environ.contains(${scala(c.apiKey)})) throw new RuntimeException("leaked in " + process)`,
        '        }',
        '        x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (java.net.Socket)',
    ['passed'],
    body((c) =>
      [
        `        for ((host, port) <- List(("127.0.0.1", ${c.port}), ("1.1.1.1", 80))) {`,
        '            val socket = new java.net.Socket()',
        '            val connected = try { socket.connect(new java.net.InetSocketAddress(host, port), 2000); true } catch { case _: java.io.IOException => false }',
        '            if (connected) throw new RuntimeException("connected to " + host)',
        '        }',
        '        x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes System.out and System.err (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    body(() => '        System.out.close()\n        System.err.close()\n        x + y'),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '        System.in.readAllBytes()\n        x + y'),
  ),
  hostile(
    'early-exit',
    'sys.exit(0) before the tests (MultiPL-E: exit code 0 and no stderr pass)',
    ['runtime_error'],
    body(() => '        sys.exit(0)'),
    'passed',
  ),
  hostile(
    'kill-parent',
    'SIGKILL to its parent (the `scala` launcher script: the harness dies), then the right answer',
    ['runtime_error'],
    body(() =>
      [
        '        val stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/self/stat")))',
        "        val parent = stat.substring(stat.lastIndexOf(')') + 2).split(' ')(1)",
        '        new ProcessBuilder("/bin/sh", "-c", "kill -9 " + parent + " 2>/dev/null").start().waitFor()',
        '        x + y',
      ].join('\n'),
    ),
  ),
];

export const SCALA_TABLE: HostileTable = { programs: PROGRAMS, testTimeoutMs: 300_000 };
