import type { ExecutionLimits, Language } from '@passk/core';
import { classifyRust } from './classify-rust.ts';
import { detectRust, type RustToolchain } from './detect-rust.ts';
import { rustJudge, rustSteps } from './rust-steps.ts';

/** Default address-space limit of each Rust step: 4 GiB. */
export const RUST_DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
/** Default cap on each of stdout and stderr: 1 MiB. */
export const RUST_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createRustLanguage}. */
export interface RustLanguageOptions {
  /** `rustc` executable instead of searching (see `detectRust`). */
  readonly rustc?: string;
  /** `cargo` executable, used once to build the HumanEval-X crates. */
  readonly cargo?: string;
  /** Offline cargo directory source (default `$PASSK_CARGO_REGISTRY`, else Debian's). */
  readonly cargoRegistry?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers and crates are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
  /** Address-space limit per step in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/**
 * The Rust language (`rust`, alias `rs`, extension `.rs`).
 *
 * Judges: `humaneval-x` (CodeGeeX's `cargo check` + `cargo test` with rand, regex and md5,
 * reproduced as the rustc invocations cargo makes against crates prebuilt once; a pass needs
 * libtest's `test result: ok.`) and `multipl-e` (`rustc <f> -o <bin>` then the binary, linked
 * with the completion harness so `std::process::exit(0)` before the tests end is not a pass).
 * See `rustSteps` and `classifyRust`. `steps()` and `classify()` throw `UnknownIdError` for
 * another judge.
 */
export function createRustLanguage(options: RustLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? RUST_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? RUST_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<RustToolchain> | undefined;
  return {
    id: 'rust',
    aliases: ['rs'],
    extension: '.rs',
    detect() {
      detected ??= detectRust(options);
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return rustSteps(program, toolchain, stepOptions);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      return classifyRust(rustJudge(program.judge), result);
    },
  };
}
