import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir, probeCommand, type ToolchainInfo } from '@passk/core';
import { doesNotRun } from '../internal/does-not-run.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';
import { buildNativeHarness } from '../internal/native-harness.ts';
import {
  buildHumanEvalXCrates,
  DEBIAN_CARGO_REGISTRY,
  type RustCrates,
} from './humaneval-x-crates.ts';

/** Options of {@link detectRust}. */
export interface DetectRustOptions {
  /** The `rustc` executable; skips the search. */
  readonly rustc?: string;
  /** The `cargo` executable (only used once, to build the HumanEval-X crates). */
  readonly cargo?: string;
  /** Offline cargo directory source with rand, regex, md5 (default `$PASSK_CARGO_REGISTRY`, else Debian's). */
  readonly cargoRegistry?: string;
  /** Environment read for `PASSK_RUSTC`, `PASSK_CARGO`, `PASSK_CARGO_REGISTRY`, `PATH`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where compiled helpers and crates are kept (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
}

/** A detected Rust toolchain. `path` is `rustc`. */
export interface RustToolchain extends ToolchainInfo {
  /** The sysroot (mounted when outside the system directories). */
  readonly sysroot?: string;
  /** Object file of the completion harness, linked into MultiPL-E programs. */
  readonly harnessObject?: string;
  /** The prebuilt HumanEval-X crates, when they could be built. */
  readonly crates?: RustCrates;
}

/**
 * Finds `rustc` (option, `$PASSK_RUSTC`, the system directories, then `PATH`, e.g. a rustup
 * toolchain in `~/.cargo/bin`), reads its version and sysroot, compiles the completion harness
 * with the C compiler rustc links with (`cc`), and builds the HumanEval-X crates with `cargo`
 * from the offline registry (see `buildHumanEvalXCrates`). `version` names rustc and the crates
 * (`rustc 1.63.0; crates rand 0.8.5, regex 1.7.1, md5 0.7.0` or `…; crates missing (…)`).
 *
 * Returns `available: false` with how to install it when rustc or cc is missing. Never throws.
 */
export async function detectRust(options: DetectRustOptions = {}): Promise<RustToolchain> {
  const env = resolveEnvironment(options.env);
  const rustc = findExecutable(['rustc'], {
    explicit: options.rustc,
    envVariable: 'PASSK_RUSTC',
    env,
  });
  if (rustc === undefined) {
    return {
      available: false,
      problem: 'rustc not found; install it (apt-get install rustc cargo) or set PASSK_RUSTC',
    };
  }
  const probe = await probeCommand([rustc, '--version'], { env });
  const sysrootProbe = await probeCommand([rustc, '--print', 'sysroot'], { env });
  if (probe.exitCode !== 0 || sysrootProbe.exitCode !== 0) {
    return doesNotRun('rustc', rustc, probe);
  }
  const rustcVersion = probe.stdout.trim().split(' ').slice(0, 2).join(' ');
  const sysroot = sysrootProbe.stdout.trim();
  // A rustup proxy resolves the toolchain from the user's settings on every call: use the
  // toolchain's own rustc, which also needs nothing outside its sysroot.
  const direct = join(sysroot, 'bin', 'rustc');
  const path = existsSync(direct) ? direct : rustc;
  const cacheDir = options.cacheDir ?? `${defaultCacheDir(env)}/toolchains`;
  const cc = findExecutable(['cc', 'gcc'], { env });
  if (cc === undefined) {
    return {
      available: false,
      path,
      version: rustcVersion,
      problem: 'cc not found (rustc links with it); apt-get install gcc',
    };
  }
  let harnessObject: string;
  try {
    const ccVersion = await probeCommand([cc, '-dumpfullversion'], { env });
    harnessObject = await buildNativeHarness(cc, ccVersion.stdout.trim(), cacheDir);
  } catch (error) {
    return { available: false, path, version: rustcVersion, problem: (error as Error).message };
  }
  let crates: RustCrates | undefined;
  let cratesProblem = '';
  const cargo = findExecutable(['cargo'], {
    explicit: options.cargo,
    envVariable: 'PASSK_CARGO',
    env,
  });
  const registry = options.cargoRegistry ?? (env.PASSK_CARGO_REGISTRY || DEBIAN_CARGO_REGISTRY);
  if (cargo === undefined) cratesProblem = 'cargo not found';
  else if (!existsSync(registry)) cratesProblem = `no offline crate registry at ${registry}`;
  else {
    try {
      crates = await buildHumanEvalXCrates({
        cargo,
        rustc: path,
        rustcVersion,
        registry,
        cacheDir,
        env,
      });
    } catch (error) {
      cratesProblem = (error as Error).message;
    }
  }
  return {
    available: true,
    path,
    version: `${rustcVersion}; crates ${
      crates === undefined
        ? `missing (${cratesProblem}; apt-get install cargo 'librust-rand+default-dev' 'librust-regex+default-dev' 'librust-md5+default-dev')`
        : crates.versions.join(', ')
    }`,
    sysroot,
    harnessObject,
    ...(crates === undefined ? {} : { crates }),
  };
}
