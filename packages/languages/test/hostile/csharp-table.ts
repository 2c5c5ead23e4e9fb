import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { literal as cs, daemonCommand, forkBombCommand } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.csharp);

/**
 * Limit of the network program. It connects without blocking and waits for each connection with
 * `Poll`, closing the socket after: a `TcpClient.ConnectAsync` left pending once made mono wait
 * past 15 s at exit in a CI run. Mono's start-up alone takes 1-2 s on a quiet machine, near
 * MultiPL-E's 5 s on a loaded one; a longer limit does not weaken the check, since a connection
 * that works ends the program in `runtime_error`.
 */
const NETWORK_TIMEOUT_MS = 15000;

/**
 * Writes `command` to a script and runs it with `/bin/sh`, with the program's stdin, stdout and
 * stderr (mono's `ProcessStartInfo.Arguments` follows Windows quoting rules).
 */
const shell = (command: string): string =>
  [
    `        System.IO.File.WriteAllText("command.sh", ${cs(command)});`,
    '        Process.Start(new ProcessStartInfo("/bin/sh", "command.sh") { UseShellExecute = false }).WaitForExit();',
  ].join('\n');

/** Tries to write every target and to read `read`; throws if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '        var reached = new List<string>();',
    `        foreach (var path in new[] { ${targets.map(cs).join(', ')} }) {`,
    '            try {',
    '                System.IO.File.WriteAllText(path, "hostile");',
    `                if (path == ${cs(guarded)}) reached.Add("wrote " + path);`,
    '            } catch (Exception) {}',
    '        }',
    '        try {',
    `            System.IO.File.ReadAllText(${cs(read)});`,
    '            reached.Add("read");',
    '        } catch (Exception) {}',
    '        if (reached.Count > 0) throw new Exception("reached " + string.Join(", ", reached));',
    '        return x + y;',
  ].join('\n');

/**
 * C# on mono: MultiPL-E's program (`mcs` with `PasskMain.cs`, which calls `Problem.Main` and
 * then prints the completion sentinel; `mono`; a failed `Debug.Assert` or an unhandled
 * exception on stderr fails).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `${shell(forkBombCommand(c, 0.5))}\n        while (true) {}`, SHORT_TIMEOUT_MS),
    'a shell fork bomb going off after 0.5 s, then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'keeps 1 GiB arrays (OutOfMemoryException at the address-space limit)',
    ['memory_limit'],
    body(
      () =>
        '        var keep = new List<byte[]>();\n        while (true) keep.Add(new byte[1 << 30]);',
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '        var chunk = new byte[1 << 20];',
        '        using (var file = System.IO.File.Create("filler")) {',
        '            while (true) file.Write(chunk, 0, chunk.Length);',
        '        }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'Console.Write without end',
    ['output_limit'],
    body(
      () =>
        "        var chunk = new string('x', 65536);\n        while (true) Console.Write(chunk);",
    ),
  ),
  hostile(
    'endless-sleep',
    'Thread.Sleep for 1000 s',
    ['timeout'],
    body(
      () => '        System.Threading.Thread.Sleep(1000000);\n        return x + y;',
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.daemon(body((c) => `${shell(daemonCommand(c))}\n        return x + y;`)),
  row.apiKey(
    body((c) =>
      [
        `        if (Environment.GetEnvironmentVariable(${cs(c.apiKeyName)}) != null) throw new Exception("leaked in the environment");`,
        '        foreach (var process in System.IO.Directory.GetDirectories("/proc")) {',
        '            string environ;',
        '            try { environ = Encoding.UTF8.GetString(System.IO.File.ReadAllBytes(process + "/environ")); } catch (Exception) { continue; }',
        `            if (environ.Contains(${cs(c.apiKey)})) throw new Exception("leaked in " + process);`,
        '        }',
        '        return x + y;',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (non-blocking Socket)',
    ['passed'],
    body(
      (c) =>
        [
          `        foreach (var target in new[] { Tuple.Create("127.0.0.1", ${c.port}), Tuple.Create("1.1.1.1", 80) }) {`,
          '            bool connected = false;',
          '            using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)) {',
          '                socket.Blocking = false;',
          '                try {',
          '                    socket.Connect(System.Net.IPAddress.Parse(target.Item1), target.Item2);',
          '                    connected = true;',
          '                } catch (System.Net.Sockets.SocketException) {',
          '                    // In progress, or refused or unreachable: mono sets Connected once Poll sees the connection made.',
          '                    connected = socket.Poll(1000000, System.Net.Sockets.SelectMode.SelectWrite) && socket.Connected;',
          '                }',
          '            }',
          '            if (connected) throw new Exception("connected to " + target.Item1);',
          '        }',
          '        return x + y;',
        ].join('\n'),
      NETWORK_TIMEOUT_MS,
    ),
  ),
  hostile(
    'close-stdout',
    'closes Console.Out and Console.Error (mono keeps the standard streams open: a pass)',
    ['passed'],
    body(
      () => '        Console.Out.Close();\n        Console.Error.Close();\n        return x + y;',
    ),
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '        Console.In.ReadToEnd();\n        return x + y;'),
  ),
  hostile(
    'early-exit',
    'Environment.Exit(0) before the tests (MultiPL-E: no error on stderr passes)',
    ['runtime_error'],
    body(() => '        Environment.Exit(0);\n        return 0;'),
    'passed',
  ),
  row.killParent(
    body(() =>
      [
        '        var stat = System.IO.File.ReadAllText("/proc/self/stat");',
        "        var parent = int.Parse(stat.Substring(stat.LastIndexOf(')') + 2).Split(' ')[1]);",
        '        try { Process.GetProcessById(parent).Kill(); } catch (Exception) {}',
        '        return x + y;',
      ].join('\n'),
    ),
    'SIGKILL to its parent (read from /proc), then the right answer',
  ),
  row.killSelf(body(() => '        Process.GetCurrentProcess().Kill();\n        return x + y;')),
];

export const CSHARP_TABLE: HostileTable = { programs: PROGRAMS };
