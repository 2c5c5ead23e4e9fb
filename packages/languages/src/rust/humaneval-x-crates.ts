import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { probeCommand } from '@passk/core';
import { ensureArtifact } from '../internal/ensure-artifact.ts';

/** Where Debian's `librust-*-dev` packages put crate sources (a cargo directory source). */
export const DEBIAN_CARGO_REGISTRY = '/usr/share/cargo/registry';

/** The crates HumanEval-X's Rust project depends on (CodeGeeX: rand 0.4, regex 1, md5 0.7.0). */
export const HUMANEVAL_X_CRATES = ['rand', 'regex', 'md5'] as const;

/** Compiled HumanEval-X crates: `--extern` paths and the directory of their dependencies. */
export interface RustCrates {
  /** `--extern <name>=<rlib>` for each of {@link HUMANEVAL_X_CRATES}. */
  readonly externs: Readonly<Record<string, string>>;
  /** `-L dependency=<dir>`: where the crates' own dependencies are. */
  readonly dependencyDirectory: string;
  /** Crate versions as resolved (`rand 0.8.5`). */
  readonly versions: readonly string[];
}

const MANIFEST = `[package]
name = "passk-humaneval-x-crates"
version = "0.1.0"
edition = "2021"

[dependencies]
rand = "0.8"
regex = "1"
md5 = "0.7.0"
`;

/**
 * Builds rand, regex and md5 from the offline cargo `registry` (Debian's, by default) with
 * `cargo build` into `<cacheDir>/rust-crates/<hash>`, once per rustc, cargo and registry
 * contents, and returns where the rlibs are. HumanEval-X programs are then compiled with plain
 * `rustc --extern …`, which is what cargo itself runs for them, without a cargo project, lock or
 * network per sample.
 *
 * rand is 0.8 (the only version Debian packages), not CodeGeeX's 0.4: the two-argument
 * `gen_range(a, b)` of rand ≤ 0.7 does not compile (Rust/50's canonical solution uses it).
 *
 * @throws Error with cargo's message when the crates cannot be built.
 */
export async function buildHumanEvalXCrates(settings: {
  readonly cargo: string;
  readonly rustc: string;
  readonly rustcVersion: string;
  readonly registry: string;
  readonly cacheDir: string;
  /** Environment cargo runs in (plus its own variables). */
  readonly env: NodeJS.ProcessEnv;
}): Promise<RustCrates> {
  const listing = readdirSync(settings.registry).sort().join('\n');
  const key = createHash('sha256')
    .update(
      [
        settings.cargo,
        settings.rustc,
        settings.rustcVersion,
        settings.registry,
        listing,
        MANIFEST,
      ].join('\0'),
    )
    .digest('hex')
    .slice(0, 16);
  const directory = await ensureArtifact(
    join(settings.cacheDir, 'rust-crates', key),
    async (staging) => {
      mkdirSync(join(staging, 'src'), { recursive: true });
      writeFileSync(join(staging, 'Cargo.toml'), MANIFEST);
      writeFileSync(join(staging, 'src', 'main.rs'), 'fn main() {}\n');
      const probe = await probeCommand(
        [
          settings.cargo,
          '--config',
          'source.crates-io.replace-with="passk-offline"',
          '--config',
          `source.passk-offline.directory="${settings.registry}"`,
          'build',
          '--offline',
          '--message-format',
          'json',
          '--manifest-path',
          join(staging, 'Cargo.toml'),
        ],
        {
          timeoutMs: 600_000,
          env: {
            ...settings.env,
            CARGO_HOME: join(staging, 'cargo-home'),
            RUSTC: settings.rustc,
            CARGO_TARGET_DIR: join(staging, 'target'),
          },
        },
      );
      if (probe.exitCode !== 0) {
        throw new Error(
          `cannot build the HumanEval-X crates (${HUMANEVAL_X_CRATES.join(', ')}) from ${settings.registry}: ${probe.error ?? probe.stderr.trim().split('\n').slice(-5).join(' ')}`,
        );
      }
      const externs: Record<string, string> = {};
      const versions: string[] = [];
      for (const line of probe.stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as {
          reason?: string;
          package_id?: string;
          target?: { name?: string; kind?: string[] };
          filenames?: string[];
        };
        const name = message.target?.name;
        if (message.reason !== 'compiler-artifact' || name === undefined) continue;
        if (!(HUMANEVAL_X_CRATES as readonly string[]).includes(name)) continue;
        const rlib = message.filenames?.find((file) => file.endsWith('.rlib'));
        if (rlib === undefined) continue;
        externs[name] = relative(staging, rlib);
        const version =
          /\s(\d+\.\d+\.\d+)\s/.exec(` ${message.package_id ?? ''} `)?.[1] ??
          /@(\d+\.\d+\.\d+)/.exec(message.package_id ?? '')?.[1];
        versions.push(`${name} ${version ?? '?'}`);
      }
      const missing = HUMANEVAL_X_CRATES.filter((name) => externs[name] === undefined);
      if (missing.length > 0) throw new Error(`cargo built no rlib for ${missing.join(', ')}`);
      writeFileSync(
        join(staging, 'crates.json'),
        JSON.stringify({ externs, dependencyDirectory: 'target/debug/deps', versions }),
      );
    },
  );
  const saved = JSON.parse(readFileSync(join(directory, 'crates.json'), 'utf8')) as RustCrates;
  const absolute = (path: string) => join(directory, path);
  const externs = Object.fromEntries(
    Object.entries(saved.externs).map(([name, path]) => [name, absolute(path)]),
  );
  if (!Object.values(externs).every((path) => existsSync(path))) {
    throw new Error(`the prebuilt crates in ${directory} are incomplete; delete it to rebuild`);
  }
  return {
    externs,
    dependencyDirectory: absolute(saved.dependencyDirectory),
    versions: saved.versions,
  };
}
