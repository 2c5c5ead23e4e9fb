import { defineLanguageFactory, type LanguageOptionsOf } from '../define-language.ts';
import { classifyCpp } from './classify-cpp.ts';
import { CPP_JUDGES, cppSteps } from './cpp-steps.ts';
import { type DetectCppOptions, detectCpp } from './detect-cpp.ts';

/**
 * The C++ language (`cpp`, aliases `c++` and `cxx`, extension `.cpp`), built with g++; 4 GiB
 * address space and 1 MiB of output per step by default.
 *
 * Judges: `humaneval-x` (CodeGeeX: `g++ -std=c++11`, run `./a.out`, pass on exit 0) and
 * `multipl-e` (MultiPL-E: `g++ -std=c++17` with a 15 s limit, pass on exit 0). Programs are
 * linked with a `main` wrapper that prints the completion sentinel, so `exit(0)` before the
 * tests finish is not a pass (the reference's pass is kept in `Verdict.reference`). See
 * `cppSteps` and `classifyCpp`. `steps()` and `classify()` throw `UnknownIdError` for another
 * judge.
 */
export const createCppLanguage = defineLanguageFactory({
  names: { id: 'cpp', aliases: ['c++', 'cxx'], extension: '.cpp' },
  rules: { judges: CPP_JUDGES, steps: cppSteps, classify: classifyCpp },
  detect: (options: DetectCppOptions) => detectCpp(options),
});

/** Options of {@link createCppLanguage}: the limits and what `detectCpp` takes. */
export type CppLanguageOptions = LanguageOptionsOf<typeof createCppLanguage>;
