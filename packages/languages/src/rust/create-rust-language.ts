import { defineLanguageFactory, type LanguageOptionsOf } from '../define-language.ts';
import { classifyRust } from './classify-rust.ts';
import { type DetectRustOptions, detectRust } from './detect-rust.ts';
import { RUST_JUDGES, rustSteps } from './rust-steps.ts';

/**
 * The Rust language (`rust`, alias `rs`, extension `.rs`); 4 GiB address space and 1 MiB of
 * output per step by default.
 *
 * Judges: `humaneval-x` (CodeGeeX's `cargo check` + `cargo test` with rand, regex and md5,
 * reproduced as the rustc invocations cargo makes against crates prebuilt once; a pass needs
 * libtest's `test result: ok.`) and `multipl-e` (`rustc <f> -o <bin>` then the binary, linked
 * with the completion harness so `std::process::exit(0)` before the tests end is not a pass).
 * See `rustSteps` and `classifyRust`. `steps()` and `classify()` throw `UnknownIdError` for
 * another judge.
 */
export const createRustLanguage = defineLanguageFactory({
  names: { id: 'rust', aliases: ['rs'], extension: '.rs' },
  rules: { judges: RUST_JUDGES, steps: rustSteps, classify: classifyRust },
  detect: (options: DetectRustOptions) => detectRust(options),
});

/** Options of {@link createRustLanguage}: the limits and what `detectRust` takes. */
export type RustLanguageOptions = LanguageOptionsOf<typeof createRustLanguage>;
