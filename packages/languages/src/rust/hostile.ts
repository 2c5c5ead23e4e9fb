import {
  HOSTILE_SECRET_VARIABLE,
  type HostileProgram,
  hostile,
} from '../hostile/hostile-program.ts';

const multiplE = { path: 'main.rs', judge: 'multipl-e', timeoutMs: 5000 };
const short = { ...multiplE, timeoutMs: 1000 };
const humanEvalX = { path: 'main.rs', judge: 'humaneval-x', timeoutMs: 5000 };

/** Hostile Rust programs and the verdicts they must get (see `HostileProgram`). */
export const RUST_HOSTILE_PROGRAMS: readonly HostileProgram[] = [
  hostile(
    'early exit 0',
    'rust',
    multiplE,
    'fn main() {\n    std::process::exit(0);\n    #[allow(unreachable_code)]\n    { assert_eq!(1, 2); }\n}\n',
    ['runtime_error'],
  ),
  hostile(
    'early exit 0 inside a test (HumanEval-X)',
    'rust',
    humanEvalX,
    'fn main() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn exits() {\n        std::process::exit(0);\n    }\n    #[test]\n    fn fails() {\n        std::thread::sleep(std::time::Duration::from_millis(200));\n        assert_eq!(1, 2);\n    }\n}\n',
    ['runtime_error'],
  ),
  hostile(
    'endless output',
    'rust',
    multiplE,
    "use std::io::Write;\nfn main() {\n    let chunk = [b'x'; 65536];\n    let mut out = std::io::stdout().lock();\n    loop {\n        out.write_all(&chunk).unwrap();\n    }\n}\n",
    ['output_limit'],
  ),
  hostile('infinite loop', 'rust', short, 'fn main() {\n    loop {}\n}\n', ['timeout']),
  hostile(
    'memory bomb',
    'rust',
    multiplE,
    'fn main() {\n    let mut keep: Vec<Vec<u8>> = Vec::new();\n    loop {\n        keep.push(vec![1u8; 1 << 26]);\n    }\n}\n',
    ['memory_limit'],
  ),
  hostile(
    'integer overflow (debug build panics)',
    'rust',
    multiplE,
    'fn main() {\n    let x: i32 = i32::MAX - 1 + std::env::args().count() as i32;\n    assert_eq!(x + 1, 0);\n}\n',
    ['runtime_error'],
  ),
  hostile(
    'reads a planted secret from the environment',
    'rust',
    multiplE,
    `fn main() {\n    assert!(std::env::var("${HOSTILE_SECRET_VARIABLE}").is_err());\n}\n`,
    ['passed'],
    { plantedSecret: true },
  ),
  hostile(
    'fork bomb',
    'rust',
    multiplE,
    'fn main() {\n    let me = std::env::current_exe().unwrap();\n    loop {\n        let _ = std::process::Command::new(&me).spawn();\n    }\n}\n',
    ['timeout', 'runtime_error', 'memory_limit'],
    { needsSandbox: true },
  ),
  hostile(
    'writes outside its work directory',
    'rust',
    multiplE,
    'fn main() {\n    assert!(std::fs::write("/tmp/passk-hostile-escape-rs", "x").is_err());\n}\n',
    ['passed'],
    { needsSandbox: true },
  ),
];
