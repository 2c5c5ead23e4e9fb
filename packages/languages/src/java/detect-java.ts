import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir, probeCommand, type ToolchainInfo } from '@passk/core';
import { assetPath } from '../internal/asset-path.ts';
import { doesNotRun } from '../internal/does-not-run.ts';
import { ensureArtifact } from '../internal/ensure-artifact.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';

/** Source of the completion wrapper class (see the file's comment). */
export const JAVA_WRAPPER_SOURCE = assetPath('java/PasskMain.java');
/** Source of the warm compiler server (see the file's comment). */
export const JAVAC_SERVER_SOURCE = assetPath('java/PasskJavacServer.java');
/** Name of the warm compiler server class. */
export const JAVAC_SERVER_CLASS = 'PasskJavacServer';
/** Name of the completion wrapper class. */
export const JAVA_WRAPPER_CLASS = 'PasskMain';
/** Where Debian's `libjavatuples-java` installs the javatuples jar MultiPL-E uses. */
export const DEBIAN_JAVATUPLES_JAR = '/usr/share/java/javatuples.jar';

/** Options of {@link detectJava}. */
export interface DetectJavaOptions {
  /** The `javac` executable; skips the search. */
  readonly javac?: string;
  /** The `java` executable; skips the search. */
  readonly java?: string;
  /** The javatuples jar (default `$PASSK_JAVATUPLES_JAR`, else Debian's). */
  readonly javatuplesJar?: string;
  /** Environment read for `PASSK_JAVAC`, `PASSK_JAVA`, `PASSK_JAVATUPLES_JAR`, `PATH`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
}

/** A detected JDK. `path` is `javac`. */
export interface JavaToolchain extends ToolchainInfo {
  /** The `java` launcher. */
  readonly java?: string;
  /** Directory holding the compiled completion wrapper and warm compiler classes. */
  readonly wrapperDirectory?: string;
  /** The javatuples jar, when installed (MultiPL-E programs import `org.javatuples.*`). */
  readonly javatuplesJar?: string;
}

/**
 * Finds `javac` and `java` (options, `$PASSK_JAVAC` / `$PASSK_JAVA`, the system directories,
 * `PATH`), reads their versions, compiles the completion wrapper into the cache and locates
 * the javatuples jar. `version` names the JDK and javatuples (`javac 17.0.15; javatuples
 * /usr/share/java/javatuples.jar` or `…; javatuples missing`).
 *
 * Returns `available: false` with how to install it when the JDK is missing. Never throws.
 */
export async function detectJava(options: DetectJavaOptions = {}): Promise<JavaToolchain> {
  const env = resolveEnvironment(options.env);
  const javac = findExecutable(['javac'], {
    explicit: options.javac,
    envVariable: 'PASSK_JAVAC',
    env,
  });
  const java = findExecutable(['java'], { explicit: options.java, envVariable: 'PASSK_JAVA', env });
  if (javac === undefined || java === undefined) {
    return {
      available: false,
      problem: `${javac === undefined ? 'javac' : 'java'} not found; install a JDK (apt-get install default-jdk-headless) or set PASSK_JAVAC and PASSK_JAVA`,
    };
  }
  const probe = await probeCommand([javac, '-version'], { env });
  if (probe.exitCode !== 0) {
    return doesNotRun('javac', javac, probe);
  }
  const javacVersion = `${probe.stdout}${probe.stderr}`.trim();
  const jarCandidate = options.javatuplesJar ?? (env.PASSK_JAVATUPLES_JAR || DEBIAN_JAVATUPLES_JAR);
  const javatuplesJar = existsSync(jarCandidate) ? jarCandidate : undefined;
  const cacheDir = options.cacheDir ?? `${defaultCacheDir(env)}/toolchains`;
  let wrapperDirectory: string;
  try {
    wrapperDirectory = await ensureArtifact(
      join(
        cacheDir,
        'java-helpers',
        createHash('sha256')
          .update(`${javac}\0${javacVersion}\0`)
          .update(readFileSync(JAVA_WRAPPER_SOURCE))
          .update(readFileSync(JAVAC_SERVER_SOURCE))
          .digest('hex')
          .slice(0, 16),
      ),
      async (staging) => {
        const compiled = await probeCommand(
          [javac, '-d', staging, JAVA_WRAPPER_SOURCE, JAVAC_SERVER_SOURCE],
          {
            env,
            timeoutMs: 120_000,
          },
        );
        if (compiled.exitCode !== 0) {
          throw new Error(
            `cannot compile passk's Java helpers: ${compiled.error ?? compiled.stderr.trim()}`,
          );
        }
      },
    );
  } catch (error) {
    return { available: false, path: javac, problem: (error as Error).message };
  }
  return {
    available: true,
    path: javac,
    version: `${javacVersion}; javatuples ${javatuplesJar ?? `missing (apt-get install libjavatuples-java or set PASSK_JAVATUPLES_JAR)`}`,
    java,
    wrapperDirectory,
    ...(javatuplesJar === undefined ? {} : { javatuplesJar }),
  };
}
