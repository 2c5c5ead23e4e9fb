import { afterAll, describe, expect, it } from 'vitest';
import { createLocalExecutor } from '../../execution/local-executor.ts';
import type { DeniedAccess } from '../../spec/agent.ts';
import { classifyDeniedAccess } from './classify-denied-access.ts';

/**
 * What runtimes printed in passk's bwrap sandbox (language plugins' own steps, the local
 * executor) for programs that tried to connect to 1.1.1.1:53, resolve example.com, write
 * /etc/passwd, read /etc/shadow and /root/.ssh/id_rsa, write /home/user/x.txt, and for ordinary
 * errors that are no denial. The lines are copied verbatim from those runs (as root, where the
 * slot's uid gets EACCES on /etc/passwd; "unprivileged": passk run by an ordinary user, where
 * the same write meets the read-only mount). The live tests below re-run two of them.
 */
const CAPTURED: readonly (readonly [string, string, readonly DeniedAccess[]])[] = [
  ['python connect', 'OSError: [Errno 101] Network is unreachable', ['network']],
  [
    'python resolve',
    'socket.gaierror: [Errno -3] Temporary failure in name resolution',
    ['network'],
  ],
  [
    'python urlopen',
    'urllib.error.URLError: <urlopen error [Errno -3] Temporary failure in name resolution>',
    ['network'],
  ],
  [
    'python write /etc/passwd',
    "PermissionError: [Errno 13] Permission denied: '/etc/passwd'",
    ['filesystem'],
  ],
  [
    'python write /etc/passwd (unprivileged)',
    "OSError: [Errno 30] Read-only file system: '/etc/passwd'",
    ['filesystem'],
  ],
  [
    'python write /usr (unprivileged)',
    "OSError: [Errno 30] Read-only file system: '/usr/passk-x'",
    ['filesystem'],
  ],
  // repr() of the error leaves the path out: a refusal counts, a missing file cannot be judged.
  ['python repr write /etc/passwd', "PermissionError(13, 'Permission denied')", ['filesystem']],
  ['python repr read /root', "FileNotFoundError(2, 'No such file or directory')", []],
  [
    'python read /etc/shadow',
    "FileNotFoundError: [Errno 2] No such file or directory: '/etc/shadow'",
    ['filesystem'],
  ],
  [
    'python read /root',
    "FileNotFoundError: [Errno 2] No such file or directory: '/root/.ssh/id_rsa'",
    ['filesystem'],
  ],
  [
    'python write /home',
    "FileNotFoundError: [Errno 2] No such file or directory: '/home/user/x.txt'",
    ['filesystem'],
  ],
  ['node connect', 'Error: connect ENETUNREACH 1.1.1.1:53 - Local (0.0.0.0:0)', ['network']],
  ['node resolve', 'Error: getaddrinfo EAI_AGAIN example.com', ['network']],
  ['node fetch', '  [cause]: Error: getaddrinfo EAI_AGAIN example.com', ['network']],
  [
    'node write /etc/passwd',
    "Error: EACCES: permission denied, open '/etc/passwd'",
    ['filesystem'],
  ],
  [
    'node write /etc/passwd (unprivileged)',
    "Error: EROFS: read-only file system, open '/etc/passwd'",
    ['filesystem'],
  ],
  [
    'node read /etc/shadow',
    "Error: ENOENT: no such file or directory, open '/etc/shadow'",
    ['filesystem'],
  ],
  [
    'node read /root',
    "Error: ENOENT: no such file or directory, open '/root/.ssh/id_rsa'",
    ['filesystem'],
  ],
  [
    'php connect',
    'PHP Warning:  fsockopen(): Unable to connect to 1.1.1.1:53 (Network is unreachable) in /passk/jobs/job-xM4SBu/work/main.php on line 2',
    ['network'],
  ],
  [
    'php resolve',
    'PHP Warning:  fsockopen(): php_network_getaddresses: getaddrinfo for example.com failed: Temporary failure in name resolution in /passk/jobs/job-7wVJTu/work/main.php on line 2',
    ['network'],
  ],
  [
    'php write /etc/passwd',
    'PHP Warning:  file_put_contents(/etc/passwd): Failed to open stream: Permission denied in /passk/jobs/job-h9FfTk/work/main.php on line 2',
    ['filesystem'],
  ],
  [
    'php read /etc/shadow',
    'PHP Warning:  file_get_contents(/etc/shadow): Failed to open stream: No such file or directory in /passk/jobs/job-cQzAPr/work/main.php on line 2',
    ['filesystem'],
  ],
  [
    'php read /root',
    'PHP Warning:  file_get_contents(/root/.ssh/id_rsa): Failed to open stream: No such file or directory in /passk/jobs/job-DI9OtL/work/main.php on line 2',
    ['filesystem'],
  ],
  [
    'ruby connect',
    'main.rb:2:in `initialize\': Network is unreachable - connect(2) for "1.1.1.1" port 53 (Errno::ENETUNREACH)',
    ['network'],
  ],
  [
    'ruby resolve',
    "main.rb:2:in `initialize': getaddrinfo: Temporary failure in name resolution (SocketError)",
    ['network'],
  ],
  [
    'ruby write /etc/passwd',
    "main.rb:1:in `initialize': Permission denied @ rb_sysopen - /etc/passwd (Errno::EACCES)",
    ['filesystem'],
  ],
  [
    'ruby read /root',
    "main.rb:1:in `read': No such file or directory @ rb_sysopen - /root/.ssh/id_rsa (Errno::ENOENT)",
    ['filesystem'],
  ],
  [
    'java connect',
    'Exception in thread "main" java.net.SocketException: Network is unreachable',
    ['network'],
  ],
  [
    'java resolve',
    'Exception in thread "main" java.net.UnknownHostException: example.com: Temporary failure in name resolution',
    ['network'],
  ],
  [
    'java write /etc/passwd',
    'Exception in thread "main" java.io.FileNotFoundException: /etc/passwd (Permission denied)',
    ['filesystem'],
  ],
  [
    'java nio write /etc/passwd',
    'Exception in thread "main" java.nio.file.FileSystemException: /etc/passwd: Read-only file system',
    ['filesystem'],
  ],
  [
    'java read /etc/shadow',
    'Exception in thread "main" java.nio.file.NoSuchFileException: /etc/shadow',
    ['filesystem'],
  ],
  [
    'java read /root',
    'Exception in thread "main" java.io.FileNotFoundException: /root/.ssh/id_rsa (No such file or directory)',
    ['filesystem'],
  ],
  [
    'go connect',
    '    main_test.go:11: dial tcp 1.1.1.1:53: connect: network is unreachable',
    ['network'],
  ],
  [
    'go resolve',
    '    main_test.go:11: lookup example.com on [::1]:53: read udp [::1]:37010->[::1]:53: read: connection refused',
    ['network'],
  ],
  [
    'go write /etc/passwd',
    '    main_test.go:11: open /etc/passwd: permission denied',
    ['filesystem'],
  ],
  [
    'go read /root',
    '    main_test.go:11: open /root/.ssh/id_rsa: no such file or directory',
    ['filesystem'],
  ],
  [
    'rust connect',
    "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 101, kind: NetworkUnreachable, message: \"Network is unreachable\" }', main.rs:2:48",
    ['network'],
  ],
  [
    'rust resolve',
    "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Custom { kind: Uncategorized, error: \"failed to lookup address information: Temporary failure in name resolution\" }', main.rs:2:52",
    ['network'],
  ],
  [
    'rust write /etc/passwd',
    "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 13, kind: PermissionDenied, message: \"Permission denied\" }', main.rs:2:66",
    ['filesystem'],
  ],
  // Rust names no path: a missing file cannot be told from a hidden one (not reported).
  [
    'rust read /root',
    "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 2, kind: NotFound, message: \"No such file or directory\" }', main.rs:2:50",
    [],
  ],
  ['c++ connect (perror)', 'connect: Network is unreachable', ['network']],
  ['c++ resolve (gai_strerror)', 'getaddrinfo: Temporary failure in name resolution', ['network']],
  ['c++ write /etc/passwd (perror)', '/etc/passwd: Permission denied', ['filesystem']],
  ['c++ read /root (perror)', '/root/.ssh/id_rsa: No such file or directory', ['filesystem']],
  // Ordinary errors: no denial.
  [
    'python missing input file',
    "FileNotFoundError: [Errno 2] No such file or directory: 'input.txt'",
    [],
  ],
  [
    'python missing system file',
    "FileNotFoundError: [Errno 2] No such file or directory: '/usr/share/passk-nothing.txt'",
    [],
  ],
  [
    'python missing file in /tmp',
    "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/nothing.txt'",
    [],
  ],
  [
    'python ~/.ssh (HOME is the work directory)',
    "FileNotFoundError: [Errno 2] No such file or directory: '/passk/jobs/job-9mdIFK/work/.ssh/id_rsa'",
    [],
  ],
  ['python localhost refused', 'ConnectionRefusedError: [Errno 111] Connection refused', []],
  ['node localhost refused', 'Error: connect ECONNREFUSED 127.0.0.1:8080', []],
  ['node missing input file', "Error: ENOENT: no such file or directory, open 'data.json'", []],
  [
    'java missing input file',
    'Exception in thread "main" java.io.FileNotFoundException: input.txt (No such file or directory)',
    [],
  ],
];

describe('classifyDeniedAccess', () => {
  it.each(CAPTURED)('%s', (_name, line, expected) => {
    expect(classifyDeniedAccess([`Traceback or not\n${line}\n`])).toEqual(expected);
  });

  it('reports both kinds once, whichever stream they are in', () => {
    expect(
      classifyDeniedAccess([
        "PermissionError: [Errno 13] Permission denied: '/etc/passwd'\n",
        'OSError: [Errno 101] Network is unreachable\nOSError: [Errno 101] Network is unreachable\n',
      ]),
    ).toEqual(['network', 'filesystem']);
    expect(classifyDeniedAccess([undefined, '', 'ok\n'])).toEqual([]);
  });

  it('judges the path a line names, not the program path next to it', () => {
    // PHP names the script; the refused file is relative (in the work directory).
    expect(
      classifyDeniedAccess([
        'PHP Warning:  fopen(out.txt): Failed to open stream: Permission denied in /passk/jobs/job-x/work/main.php on line 2',
      ]),
    ).toEqual([]);
    expect(classifyDeniedAccess(["[Errno 13] Permission denied: '/tmp/../etc/passwd'"])).toEqual([
      'filesystem',
    ]);
  });
});

describe('classifyDeniedAccess on programs run in the sandbox', { timeout: 60_000 }, () => {
  const executor = createLocalExecutor({ concurrency: 2, sandbox: 'bwrap' });
  afterAll(() => executor.close());

  const run = async (argv: string[], file: string, code: string) => {
    const result = await executor.execute({
      files: [{ path: file, contents: code }],
      steps: [{ name: 'run', argv, timeoutMs: 10_000 }],
      limits: { maxOutputBytes: 1024 * 1024, maxMemoryBytes: 0 },
    });
    const step = result.steps.at(-1);
    return {
      exitCode: step?.exitCode,
      denied: classifyDeniedAccess([step?.stdoutTail, step?.stderrTail]),
    };
  };

  it('Python: a socket to 1.1.1.1:53, a write to /etc/passwd and a read of /root are denied and reported', async () => {
    const attempt = (body: string) =>
      `try:\n    ${body}\nexcept OSError as error:\n    print(error)\n`;
    const network = await run(
      ['/usr/bin/python3', 'main.py'],
      'main.py',
      `import socket\n${attempt('socket.create_connection(("1.1.1.1", 53), timeout=5)')}`,
    );
    expect(network).toEqual({ exitCode: 0, denied: ['network'] });
    const files = await run(
      ['/usr/bin/python3', 'main.py'],
      'main.py',
      `${attempt('open("/etc/passwd", "a").write("x")')}${attempt('open("/root/.ssh/id_rsa").read()')}`,
    );
    expect(files).toEqual({ exitCode: 0, denied: ['filesystem'] });
    const root = await run(
      ['/usr/bin/python3', 'main.py'],
      'main.py',
      attempt('open("/root/.ssh/id_rsa").read()'),
    );
    expect(root).toEqual({ exitCode: 0, denied: ['filesystem'] });
    const clean = await run(
      ['/usr/bin/python3', 'main.py'],
      'main.py',
      'open("out.txt", "w").write("x")\nprint(open("out.txt").read())\n',
    );
    expect(clean).toEqual({ exitCode: 0, denied: [] });
  });

  it('Node: a name lookup is denied and reported', async () => {
    const lookup = await run(
      ['/usr/bin/node', 'main.js'],
      'main.js',
      "require('dns').lookup('example.com', (error) => { if (error) throw error; });\n",
    );
    expect(lookup).toEqual({ exitCode: 1, denied: ['network'] });
  });
});
