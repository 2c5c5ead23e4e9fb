import { defaultCacheDir, probeCommand, type ToolchainInfo } from '@passk/core';
import { doesNotRun } from '../internal/does-not-run.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';
import { buildNativeHarness } from '../internal/native-harness.ts';
import {
  buildPrecompiledHeader,
  type HeaderSet,
  HUMANEVAL_X_HEADERS,
  MULTIPL_E_HEADERS,
} from './precompiled-headers.ts';

/** Options of {@link detectCpp}. */
export interface DetectCppOptions {
  /** The g++ executable; skips the search. */
  readonly compiler?: string;
  /** Environment read for `PASSK_CXX` and `PATH` (default the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
  /** Build and use precompiled headers (default true). */
  readonly precompiledHeaders?: boolean;
}

/** A detected g++, with the helpers passk compiled with it. */
export interface CppToolchain extends ToolchainInfo {
  /** Object file of the completion harness (`assets/native/passk_completion.c`). */
  readonly harnessObject?: string;
  /** `-include` header per header set name, when its precompiled header was built. */
  readonly precompiledHeaders?: Readonly<Record<string, string>>;
}

/**
 * Finds g++ (`options.compiler`, `$PASSK_CXX`, else `g++` in the system directories or `PATH`),
 * reads its version, compiles the completion harness and (unless disabled) the precompiled
 * headers of MultiPL-E and HumanEval-X into the cache, once per compiler.
 *
 * Returns `available: false` with how to install it when g++ is missing or cannot compile the
 * harness; a precompiled header that cannot be built is left out (programs then compile from
 * the headers). Never throws.
 */
export async function detectCpp(options: DetectCppOptions = {}): Promise<CppToolchain> {
  const env = resolveEnvironment(options.env);
  const path = findExecutable(['g++'], {
    explicit: options.compiler,
    envVariable: 'PASSK_CXX',
    env,
  });
  if (path === undefined) {
    return {
      available: false,
      problem: 'g++ not found; install it (apt-get install g++) or set PASSK_CXX',
    };
  }
  const probe = await probeCommand([path, '-dumpfullversion'], { env });
  if (probe.exitCode !== 0) {
    return doesNotRun('g++', path, probe);
  }
  const version = `g++ ${probe.stdout.trim()}`;
  const cacheDir = options.cacheDir ?? `${defaultCacheDir(env)}/toolchains`;
  let harnessObject: string;
  try {
    harnessObject = await buildNativeHarness(path, version, cacheDir);
  } catch (error) {
    return { available: false, path, version, problem: (error as Error).message };
  }
  const precompiledHeaders: Record<string, string> = {};
  if (options.precompiledHeaders !== false) {
    for (const set of [MULTIPL_E_HEADERS, HUMANEVAL_X_HEADERS] satisfies HeaderSet[]) {
      try {
        precompiledHeaders[set.name] = await buildPrecompiledHeader(path, version, cacheDir, set);
      } catch {
        // Programs compile from the plain headers instead: slower, same verdicts.
      }
    }
  }
  return { available: true, path, version, harnessObject, precompiledHeaders };
}
