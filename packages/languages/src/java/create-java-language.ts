import {
  defineLanguageFactory,
  type LanguageOptionsOf,
  type WarmCompilerOption,
} from '../define-language.ts';
import { classifyJava } from './classify-java.ts';
import { type DetectJavaOptions, detectJava } from './detect-java.ts';
import { JAVA_JUDGES, javaSteps } from './java-steps.ts';

/**
 * The Java language (`java`, extension `.java`); 1 MiB of output per step by default, and no
 * address-space limit: under an RLIMIT_AS the JVM's own native allocations (JIT compiler
 * threads, malloc arenas) fail at random when the machine is busy ("insufficient memory for the
 * Java Runtime Environment"), failing correct programs; the JVM's heap limit (25% of RAM by
 * default, as in the reference harnesses) bounds a memory bomb, and the sandbox's memory limit
 * applies on top.
 *
 * Judges: `humaneval-x` (CodeGeeX's intended rule: `javac`, then `java Main`; the as-shipped
 * "every sample fails" result is kept in `Verdict.reference`) and `multipl-e` (`javac -encoding
 * UTF8` with javatuples, then `java -ea … Problem`). Runs go through a wrapper class that prints
 * the completion sentinel when `main` returns, so `System.exit(0)` before the tests end is not a
 * pass. See `javaSteps` and `classifyJava`. `steps()` and `classify()` throw `UnknownIdError`
 * for another judge.
 */
export const createJavaLanguage = defineLanguageFactory({
  names: { id: 'java', aliases: [], extension: '.java' },
  detect: (options: DetectJavaOptions & WarmCompilerOption) => detectJava(options),
  defaultMaxMemoryBytes: 0,
  rules: {
    judges: JAVA_JUDGES,
    steps: (program, toolchain, stepOptions, { options }) =>
      javaSteps(program, toolchain, stepOptions, options.warmCompiler ?? true),
    classify: classifyJava,
  },
});

/** Options of {@link createJavaLanguage}: the limits and what `detectJava` takes. */
export type JavaLanguageOptions = LanguageOptionsOf<typeof createJavaLanguage>;
