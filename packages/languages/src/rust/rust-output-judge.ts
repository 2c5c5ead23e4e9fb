import type { Program, Step } from '@passk/core';
import { assetText } from '../internal/asset-path.ts';
import { type OutputJudgeProgram, outputJudgeSteps } from '../internal/output-judge.ts';
import { rustDeclarations } from './internal/rust-signature.ts';
import { type RustTests, splitRustTests } from './split-rust-tests.ts';

/**
 * The Rust source both judge programs end with: the trait `__PasskShow` (the canonical form of
 * every type MultiPL-E's Rust tasks return) and `__passk_write` (the values file).
 */
const RUST_SHOW = 'rust/passk-show.rs';

const show = (): string => assetText(RUST_SHOW);

/** `fn main` that pushes each of `values` (expressions) in order, then writes them all. */
function valuesMain(prelude: readonly string[], values: readonly string[]): string {
  return [
    'fn main() {',
    ...prelude.map((line) => `    ${line}`),
    '    let mut __passk_values: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();',
    ...values.map(
      (value) => `    ::std::vec::Vec::push(&mut __passk_values, crate::__passk_show(&${value}));`,
    ),
    '    crate::__passk_write(&__passk_values);',
    '}',
    '',
  ].join('\n');
}

/**
 * The program of the expected values: the standard `use` items of the candidate's code, the
 * entry point's signature with a body never run (it types the expected literals: `if false {
 * candidate(args) } else { expected }`), and the expected expressions of the tests, printed in
 * order. Without a signature (one naming the code's own items), the literals keep the types
 * Rust infers for them alone. Contains no code of the candidate.
 */
export function rustExpectedProgram(tests: RustTests): string {
  const { uses, signature } = rustDeclarations(tests.code, tests.entryPoint);
  const values = tests.calls.map(({ args, expected }) =>
    signature === undefined
      ? `(${expected})`
      : `(if false { candidate(${args}) } else { ${expected} })`,
  );
  const declaration =
    signature === undefined
      ? []
      : [
          '#[allow(unused_variables, dead_code, non_snake_case)]',
          `${signature} {`,
          '    ::std::unimplemented!()',
          '}',
        ];
  const prelude = signature === undefined ? [] : [`let candidate = ${tests.entryPoint};`];
  return [...uses, ...declaration, show(), valuesMain(prelude, values)].join('\n');
}

/**
 * The candidate's program: its code (the program without the tests' `main`), then a `main`
 * that calls the entry point with each test's arguments in order, as the tests do, and writes
 * the results in canonical form. No expected value is in it.
 */
export function rustCandidateProgram(tests: RustTests): string {
  const values = tests.calls.map(({ args }) => `candidate(${args})`);
  const prelude = [`let candidate = ${tests.entryPoint};`];
  return [tests.code, show(), valuesMain(prelude, values)].join('\n');
}

/** How the judge programs are built and run: as the reference program is. */
export interface RustJudgeCommands {
  /** The build of a program whose source is `mainFile`. */
  readonly build: (mainFile: string) => Omit<Step, 'name' | 'freshFiles' | 'reportFile'>;
  /** The run of the built program. */
  readonly run: Omit<Step, 'name' | 'freshFiles' | 'reportFile'>;
}

/**
 * The output judge's steps for a MultiPL-E Rust `program` (see `outputJudgeSteps`), or none
 * when its main file does not split into code and `assert_eq!` test calls (the reference rule
 * alone then decides).
 */
export function rustOutputJudgeSteps(program: Program, commands: RustJudgeCommands): Step[] {
  const source = program.files.find((file) => file.path === program.mainFile)?.contents;
  const tests = source === undefined ? undefined : splitRustTests(source);
  if (tests === undefined) return [];
  const judged = (contents: string): OutputJudgeProgram => ({
    files: [{ path: program.mainFile, contents }],
    build: commands.build(program.mainFile),
    run: commands.run,
  });
  return outputJudgeSteps(judged(rustExpectedProgram(tests)), judged(rustCandidateProgram(tests)));
}
