import type { Language } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeProgram, program, skipReason, testExecutor } from '../../test/run-program.ts';
import {
  expectCachedDetection,
  itJudgesCases,
  type VerdictCase,
} from '../../test/verdict-cases.ts';
import { WRAP_MAIN_FLAG } from '../internal/native-harness.ts';
import { createRustLanguage } from './create-rust-language.ts';
import type { RustToolchain } from './detect-rust.ts';

const language: Language = createRustLanguage();
const executor = testExecutor();
let toolchain: RustToolchain;
let skip: string | undefined;

beforeAll(async () => {
  toolchain = (await language.detect()) as RustToolchain;
  skip = skipReason('rust', toolchain);
});
afterAll(() => executor.close());

const humanEvalX = (code: string, tests: string) =>
  program(
    'rust',
    'main.rs',
    'humaneval-x',
    `\nfn main(){ \n } \nuse rand::Rng;\nuse regex::Regex;\nuse md5;\n${code}\n#[cfg(test)]\nmod tests {\n    use super::*;\n${tests}\n}\n`,
    5000,
  );
const multiplE = (source: string, timeoutMs = 5000) =>
  program('rust', 'main.rs', 'multipl-e', source, timeoutMs);

const CRATES =
  'fn check() -> bool {\n    let n: u32 = rand::thread_rng().gen_range(0..10);\n    n < 10 && Regex::new("a+").unwrap().is_match("caab") && format!("{:x}", md5::compute(b"a")) == "0cc175b9c0f1b6a831c399e269772661"\n}\n';
const CASES: readonly VerdictCase[] = [
  {
    name: 'HumanEval-X: rand 0.8, regex and md5 resolve; tests that hold',
    target: humanEvalX(
      CRATES,
      '    #[test]\n    fn crates() {\n        assert!(check());\n    }\n',
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: a failed assert_eq',
    target: humanEvalX(
      'fn one() -> i32 { 2 }',
      '    #[test]\n    fn one_is_one() {\n        assert_eq!(one(), 1);\n    }\n',
    ),
    status: 'failed',
    detail: 'failed: execution error',
  },
  {
    name: 'HumanEval-X: an error cargo check reports',
    target: humanEvalX('fn one() -> i32 { "one" }', ''),
    status: 'compile_error',
    detail: 'failed: compilation error',
  },
  {
    name: 'HumanEval-X: an error only in the tests fails the test build (execution error)',
    target: humanEvalX(
      'fn one() -> i32 { 1 }',
      '    #[test]\n    fn typed() {\n        let x: i32 = "one";\n    }\n',
    ),
    status: 'compile_error',
    detail: 'failed: execution error',
  },
  {
    name: "HumanEval-X: rand 0.4's two-argument gen_range does not compile with rand 0.8",
    target: humanEvalX(
      '',
      '    #[test]\n    fn old_rand() {\n        let _n: u32 = rand::thread_rng().gen_range(0, 10);\n    }\n',
    ),
    status: 'compile_error',
    detail: 'failed: execution error',
  },
  {
    name: 'HumanEval-X: no tests at all passes (Rust/32)',
    target: humanEvalX(
      'fn one() -> i32 { 1 }',
      '/*\n    #[test]\n    fn never() { assert!(false); }\n*/',
    ),
    status: 'passed',
    detail: 'passed',
  },
  {
    name: 'HumanEval-X: edition 2021 (async is a keyword)',
    target: humanEvalX('fn f() -> i32 { let async = 1; async }', ''),
    status: 'compile_error',
    detail: 'failed: compilation error',
  },
  {
    name: 'HumanEval-X: process::exit(0) inside a test is not a pass',
    target: humanEvalX(
      '',
      '    #[test]\n    fn exits() {\n        std::process::exit(0);\n    }\n',
    ),
    status: 'runtime_error',
    detail: /^passed by the reference rule, but the tests did not run to completion/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E: a passing program (edition 2015: async is an identifier)',
    target: multiplE(
      'fn add(a: i64, b: i64) -> i64 {\n    a + b\n}\n\nfn main() {\n    let async = add(1, 2);\n    assert_eq!(async, 3);\n}\n',
    ),
    status: 'passed',
    detail: 'OK',
  },
  {
    name: 'MultiPL-E: a failed assert_eq is Exception',
    target: multiplE('fn main() {\n    assert_eq!(1 + 1, 3);\n}\n'),
    status: 'failed',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: debug builds panic on integer overflow',
    target: multiplE(
      'fn main() {\n    let x: i32 = i32::MAX - 1 + std::env::args().count() as i32;\n    assert_eq!(x + 1, 0);\n}\n',
    ),
    status: 'runtime_error',
    detail: 'Exception',
  },
  {
    name: 'MultiPL-E: no crates (rand does not resolve)',
    target: multiplE('use rand::Rng;\nfn main() {}\n'),
    status: 'compile_error',
    detail: 'SyntaxError',
  },
  {
    name: 'MultiPL-E: std::process::exit(0) before the tests is not a pass',
    target: multiplE('fn main() {\n    std::process::exit(0);\n}\n'),
    status: 'runtime_error',
    detail: /^OK by the reference rule/,
    reference: 'passed',
  },
  {
    name: 'MultiPL-E: the time limit',
    target: multiplE('fn main() {\n    loop {}\n}\n', 500),
    status: 'timeout',
    detail: 'Timeout',
  },
];

describe('createRustLanguage', () => {
  it('detects rustc and builds the HumanEval-X crates once', async (context) => {
    if (skip) return context.skip(skip);
    expect(toolchain.version).toMatch(/^rustc \d+\.\d+\.\d+; crates (rand|md5|regex) /);
    expect(Object.keys(toolchain.crates?.externs ?? {}).sort()).toEqual(['md5', 'rand', 'regex']);
    const missing = createRustLanguage({ rustc: '/nonexistent/rustc' });
    await expectCachedDetection(language, toolchain, missing, /PASSK_RUSTC/);
  });

  it('builds check, test build and test run (HumanEval-X), or rustc and run (MultiPL-E)', (context) => {
    if (skip) return context.skip(skip);
    const crates = toolchain.crates;
    const linking = [
      '-L',
      `dependency=${crates?.dependencyDirectory}`,
      ...Object.entries(crates?.externs ?? {}).flatMap(([name, rlib]) => [
        '--extern',
        `${name}=${rlib}`,
      ]),
    ];
    const common = [toolchain.path, '--edition', '2021', '--crate-name', 'main', 'main.rs'];
    const steps = language.steps(humanEvalX('', ''), toolchain, { timeoutFactor: 1 });
    expect(steps.map((step) => [step.name, step.argv, step.timeoutMs])).toEqual([
      [
        'check',
        [...common, '--crate-type', 'bin', '--emit=metadata', '-o', 'main.rmeta', ...linking],
        60_000,
      ],
      ['build', [...common, '--test', '-o', 'main-tests', ...linking], 60_000],
      ['run', ['./main-tests'], 5000],
    ]);
    const [compile, run] = language.steps(multiplE(''), toolchain, { timeoutFactor: 1 });
    expect(compile?.argv).toEqual([
      toolchain.path,
      'main.rs',
      '-o',
      'main',
      '-C',
      `link-arg=${toolchain.harnessObject}`,
      '-C',
      `link-arg=${WRAP_MAIN_FLAG}`,
    ]);
    expect([compile?.timeoutMs, run?.argv, run?.timeoutMs]).toEqual([15_000, ['./main'], 5000]);
  });

  itJudgesCases(CASES, () => ({ language, toolchain, executor: executor, skip }));

  it('HumanEval-X programs are toolchain_missing without the crates', async (context) => {
    if (skip) return context.skip(skip);
    const bare = { ...toolchain, crates: undefined };
    const { verdict } = await judgeProgram(language, bare, executor, humanEvalX('', ''));
    expect(verdict.status).toBe('toolchain_missing');
    const noRegistry = await createRustLanguage({
      cargoRegistry: '/nonexistent/registry',
    }).detect();
    expect(noRegistry.available).toBe(true);
    expect(noRegistry.version).toMatch(/crates missing \(no offline crate registry/);
  });
});
