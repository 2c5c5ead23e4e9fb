import type { HostileProgram } from '@passk/core/conformance';
import { HUMANEVAL_X_ADD, humanEvalXProgram } from '../humaneval-x-add.ts';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { daemonCommand, forkBombCommand, literal as rs } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.rust);

/** Runs `/bin/sh -c <command>` with the program's stdin, stdout and stderr, and waits for it. */
const shell = (command: string): string =>
  `    let _ = std::process::Command::new("/bin/sh").arg("-c").arg(${rs(command)}).status();`;

/** Tries to write every target and to read `read`; panics if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    let mut reached: Vec<String> = Vec::new();',
    `    for path in [${targets.map(rs).join(', ')}] {`,
    `        if std::fs::write(path, "hostile").is_ok() && path == ${rs(guarded)} {`,
    '            reached.push(format!("wrote {}", path));',
    '        }',
    '    }',
    `    if std::fs::read(${rs(read)}).is_ok() {`,
    '        reached.push("read".to_string());',
    '    }',
    '    assert!(reached.is_empty(), "reached {:?}", reached);',
    '    x + y',
  ].join('\n');

/**
 * Rust: MultiPL-E's program (`rustc main.rs` as a debug build, linked with the `main` wrapper
 * that prints the completion sentinel; exit code), plus HumanEval-X's rule (`rustc --test`
 * against the crates; evidence: libtest's `test result: ok.`) for an exit inside a test.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body(
      (c) =>
        `${shell(forkBombCommand(c))}\n    loop {\n        std::thread::sleep(std::time::Duration::from_secs(1));\n    }`,
      SHORT_TIMEOUT_MS,
    ),
    'a shell fork bomb (std::process::Command), then sleeps',
  ),
  hostile(
    'memory-bomb',
    'Vec::with_capacity(8 GiB)',
    ['memory_limit'],
    body(
      () => '    let big: Vec<u8> = Vec::with_capacity(1 << 33);\n    x + y + big.len() as isize',
    ),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '    use std::io::Write;',
        '    let mut file = std::fs::File::create("filler").unwrap();',
        "    let chunk = vec![b'x'; 1 << 20];",
        '    loop {',
        '        file.write_all(&chunk).unwrap();',
        '    }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'stdout.write_all without end',
    ['output_limit'],
    body(() =>
      [
        '    use std::io::Write;',
        "    let chunk = [b'x'; 65536];",
        '    let mut out = std::io::stdout().lock();',
        '    loop {',
        '        out.write_all(&chunk).unwrap();',
        '    }',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-sleep',
    'thread::sleep for 1000 s',
    ['timeout'],
    body(
      () => '    std::thread::sleep(std::time::Duration::from_secs(1000));\n    x + y',
      SHORT_TIMEOUT_MS,
    ),
  ),
  row.daemon(
    body((c) => `${shell(daemonCommand(c))}\n    x + y`),
    'a setsid shell loop holding stdout (std::process::Command), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `    assert!(std::env::var_os(${rs(c.apiKeyName)}).is_none(), "leaked in the environment");`,
        '    for entry in std::fs::read_dir("/proc").unwrap().flatten() {',
        '        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();',
        `        assert!(!String::from_utf8_lossy(&environ).contains(${rs(c.apiKey)}), "leaked in {:?}", entry.path());`,
        '    }',
        '    x + y',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 and to the internet (TcpStream)',
    ['passed'],
    body((c) =>
      [
        `    for address in ["127.0.0.1:${c.port}", "1.1.1.1:80"] {`,
        '        let address: std::net::SocketAddr = address.parse().unwrap();',
        '        let connected = std::net::TcpStream::connect_timeout(&address, std::time::Duration::from_secs(2));',
        '        assert!(connected.is_err(), "connected to {}", address);',
        '    }',
        '    x + y',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes file descriptors 1 and 2 (the tests complete, the sentinel cannot be printed)',
    ['runtime_error'],
    body(() =>
      [
        '    extern "C" {',
        '        fn close(fd: i32) -> i32;',
        '    }',
        '    unsafe {',
        '        close(1);',
        '        close(2);',
        '    }',
        '    x + y',
      ].join('\n'),
    ),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(
      () =>
        '    let mut input = Vec::new();\n    std::io::Read::read_to_end(&mut std::io::stdin(), &mut input).unwrap();\n    x + y',
    ),
  ),
  hostile(
    'early-exit',
    'std::process::exit(0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    std::process::exit(0)'),
    'passed',
  ),
  hostile(
    'early-exit',
    "std::process::exit(0) inside a test under HumanEval-X's rule (libtest never reports)",
    ['runtime_error'],
    () => humanEvalXProgram(HUMANEVAL_X_ADD.rust, '    std::process::exit(0)\n}\n'),
    'passed',
  ),
  row.killParent(
    body(() =>
      [
        '    extern "C" {',
        '        fn kill(pid: i32, signal: i32) -> i32;',
        '    }',
        '    unsafe {',
        '        kill(std::os::unix::process::parent_id() as i32, 9);',
        '    }',
        '    x + y',
      ].join('\n'),
    ),
  ),
  row.killSelf(
    body(() =>
      [
        '    extern "C" {',
        '        fn kill(pid: i32, signal: i32) -> i32;',
        '    }',
        '    unsafe {',
        '        kill(std::process::id() as i32, 9);',
        '    }',
        '    x + y',
      ].join('\n'),
    ),
  ),
];

export const RUST_TABLE: HostileTable = { programs: PROGRAMS };
