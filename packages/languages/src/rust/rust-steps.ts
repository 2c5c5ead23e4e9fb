import { dirname } from 'node:path';
import type { Program, Step, StepOptions } from '@passk/core';
import { hostMounts } from '../internal/host-mounts.ts';
import { WRAP_MAIN_FLAG } from '../internal/native-harness.ts';
import { selectJudge } from '../internal/select-judge.ts';
import type { RustToolchain } from './detect-rust.ts';
import { rustOutputJudgeSteps } from './rust-output-judge.ts';

/** The verdict rules (`Program.judge`) of the Rust language. */
export const RUST_JUDGES = ['humaneval-x', 'multipl-e'] as const;
/** One of {@link RUST_JUDGES}. */
export type RustJudge = (typeof RUST_JUDGES)[number];

/** MultiPL-E's `rustc` limit, in milliseconds. */
export const MULTIPL_E_RUSTC_TIMEOUT_MS = 15_000;
/**
 * Limit of each HumanEval-X compile step, in milliseconds. CodeGeeX sets none per command (only
 * an outer limit of `timeout + 1` s around check, build and test together, which depends on
 * how busy its machine is); passk gives each compile 60 s and the test run the program's limit.
 */
export const HUMANEVAL_X_RUSTC_TIMEOUT_MS = 60_000;
/** The edition of CodeGeeX's Cargo project. */
export const HUMANEVAL_X_EDITION = '2021';

/** Returns `judge` when it is a Rust judge. @throws UnknownIdError otherwise. */
export function rustJudge(judge: string): RustJudge {
  return selectJudge('rust', judge, RUST_JUDGES);
}

/**
 * The steps that build and run a Rust program:
 * - `humaneval-x` (CodeGeeX: `cargo check` then `cargo test` of the program as a binary of an
 *   edition-2021 Cargo project depending on rand, regex and md5): `check` = `rustc
 *   --edition=2021 --crate-type bin --emit=metadata` and `build` = `rustc --edition=2021 --test`
 *   against the prebuilt crates (the rustc invocations cargo makes), then `run` = the test
 *   binary (libtest). No steps at all when the crates are missing (`toolchain_missing`).
 * - `multipl-e` (`rustc <f> -o <bin>`, a debug build, no crates, 15 s; run 5 s): linked with the
 *   completion harness (`-Wl,--wrap=main`); then passk's output judge (`rustOutputJudgeSteps`:
 *   the expected values and the candidate's, each built and run the same way in a fresh work
 *   area) when the program splits into code and `assert_eq!` calls.
 * Limits are multiplied by `timeoutFactor`.
 *
 * @throws UnknownIdError for another judge.
 */
export function rustSteps(
  program: Program,
  toolchain: RustToolchain,
  options: StepOptions,
): readonly Step[] {
  const judge = rustJudge(program.judge);
  const rustc = toolchain.path ?? 'rustc';
  const runTimeoutMs = program.timeoutMs * options.timeoutFactor;
  if (judge === 'humaneval-x') {
    const crates = toolchain.crates;
    if (crates === undefined) return [];
    const linking = [
      '-L',
      `dependency=${crates.dependencyDirectory}`,
      ...Object.entries(crates.externs).flatMap(([name, rlib]) => ['--extern', `${name}=${rlib}`]),
    ];
    const common = ['--edition', HUMANEVAL_X_EDITION, '--crate-name', 'main', program.mainFile];
    const mounts = hostMounts([toolchain.sysroot, dirname(crates.dependencyDirectory)]);
    const timeoutMs = HUMANEVAL_X_RUSTC_TIMEOUT_MS * options.timeoutFactor;
    return [
      {
        name: 'check',
        argv: [
          rustc,
          ...common,
          '--crate-type',
          'bin',
          '--emit=metadata',
          '-o',
          'main.rmeta',
          ...linking,
        ],
        timeoutMs,
        mounts,
      },
      {
        name: 'build',
        argv: [rustc, ...common, '--test', '-o', 'main-tests', ...linking],
        timeoutMs,
        mounts,
      },
      { name: 'run', argv: ['./main-tests'], timeoutMs: runTimeoutMs },
    ];
  }
  const harness =
    toolchain.harnessObject === undefined
      ? []
      : ['-C', `link-arg=${toolchain.harnessObject}`, '-C', `link-arg=${WRAP_MAIN_FLAG}`];
  const compileTimeoutMs = MULTIPL_E_RUSTC_TIMEOUT_MS * options.timeoutFactor;
  const run = { argv: ['./main'], timeoutMs: runTimeoutMs };
  return [
    {
      name: 'compile',
      argv: [rustc, program.mainFile, '-o', 'main', ...harness],
      timeoutMs: compileTimeoutMs,
      mounts: hostMounts([toolchain.sysroot, toolchain.harnessObject]),
    },
    { name: 'run', ...run },
    ...rustOutputJudgeSteps(program, {
      build: (mainFile) => ({
        argv: [rustc, mainFile, '-o', 'main'],
        timeoutMs: compileTimeoutMs,
        mounts: hostMounts([toolchain.sysroot]),
      }),
      run,
    }),
  ];
}
