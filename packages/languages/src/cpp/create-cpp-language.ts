import type { ExecutionLimits, Language } from '@passk/core';
import { classifyCpp } from './classify-cpp.ts';
import { cppJudge, cppSteps } from './cpp-steps.ts';
import { type CppToolchain, detectCpp } from './detect-cpp.ts';

/** Default address-space limit of each C++ step: 4 GiB. */
export const CPP_DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
/** Default cap on each of stdout and stderr: 1 MiB. */
export const CPP_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createCppLanguage}. */
export interface CppLanguageOptions {
  /** g++ executable instead of searching (see `detectCpp`). */
  readonly compiler?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
  /** Use precompiled headers where they cannot change a verdict (default true). */
  readonly precompiledHeaders?: boolean;
  /** Address-space limit per step in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/**
 * The C++ language (`cpp`, aliases `c++` and `cxx`, extension `.cpp`), built with g++.
 *
 * Judges: `humaneval-x` (CodeGeeX: `g++ -std=c++11`, run `./a.out`, pass on exit 0) and
 * `multipl-e` (MultiPL-E: `g++ -std=c++17` with a 15 s limit, pass on exit 0). Programs are
 * linked with a `main` wrapper that prints the completion sentinel, so `exit(0)` before the
 * tests finish is not a pass (the reference's pass is kept in `Verdict.reference`). See
 * `cppSteps` and `classifyCpp`. `steps()` and `classify()` throw `UnknownIdError` for another
 * judge.
 */
export function createCppLanguage(options: CppLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? CPP_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? CPP_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<CppToolchain> | undefined;
  return {
    id: 'cpp',
    aliases: ['c++', 'cxx'],
    extension: '.cpp',
    detect() {
      detected ??= detectCpp(options);
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return cppSteps(program, toolchain, stepOptions);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      return classifyCpp(cppJudge(program.judge), result);
    },
  };
}
