import type { ExecutionLimits, Language } from '@passk/core';
import { classifyJava } from './classify-java.ts';
import { detectJava, type JavaToolchain } from './detect-java.ts';
import { javaJudge, javaSteps } from './java-steps.ts';

/**
 * Default address-space limit of each Java step: none. Under an RLIMIT_AS the JVM's own native
 * allocations (JIT compiler threads, malloc arenas) fail at random when the machine is busy
 * ("insufficient memory for the Java Runtime Environment"), failing correct programs; the
 * JVM's heap limit (25% of RAM by default, as in the reference harnesses) bounds a memory bomb,
 * and the sandbox's memory limit applies on top.
 */
export const JAVA_DEFAULT_MAX_MEMORY_BYTES = 0;
/** Default cap on each of stdout and stderr: 1 MiB. */
export const JAVA_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createJavaLanguage}. */
export interface JavaLanguageOptions {
  /** `javac` executable instead of searching (see `detectJava`). */
  readonly javac?: string;
  /** `java` executable instead of searching. */
  readonly java?: string;
  /** The javatuples jar (default `$PASSK_JAVATUPLES_JAR`, else Debian's). */
  readonly javatuplesJar?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
  /** Address-space limit per step in bytes, 0 for none (default none, see above). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
  /** Offer the warm `javac` server for compile steps (default true; see `javaSteps`). */
  readonly warmCompiler?: boolean;
}

/**
 * The Java language (`java`, extension `.java`).
 *
 * Judges: `humaneval-x` (CodeGeeX's intended rule: `javac`, then `java Main`; the as-shipped
 * "every sample fails" result is kept in `Verdict.reference`) and `multipl-e` (`javac -encoding
 * UTF8` with javatuples, then `java -ea … Problem`). Runs go through a wrapper class that prints
 * the completion sentinel when `main` returns, so `System.exit(0)` before the tests end is not a
 * pass. See `javaSteps` and `classifyJava`. `steps()` and `classify()` throw `UnknownIdError`
 * for another judge.
 */
export function createJavaLanguage(options: JavaLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? JAVA_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? JAVA_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<JavaToolchain> | undefined;
  return {
    id: 'java',
    aliases: [],
    extension: '.java',
    detect() {
      detected ??= detectJava(options);
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return javaSteps(program, toolchain, stepOptions, options.warmCompiler ?? true);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      return classifyJava(javaJudge(program.judge), result);
    },
  };
}
