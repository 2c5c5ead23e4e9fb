import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir, probeCommand, type ToolchainInfo } from '@passk/core';
import { doesNotRun } from '../internal/does-not-run.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';

/** Where Debian's `golang-github-stretchr-testify-dev` puts testify (a GOPATH tree). */
export const DEBIAN_GOPATH = '/usr/share/gocode';
const TESTIFY = 'src/github.com/stretchr/testify/assert';

/** Options of {@link detectGo}. */
export interface DetectGoOptions {
  /** The `go` executable; skips the search. */
  readonly go?: string;
  /** A GOPATH holding `github.com/stretchr/testify` (default `$PASSK_GOPATH`, else Debian's). */
  readonly testifyGopath?: string;
  /** Environment read for `PASSK_GO`, `PASSK_GOPATH` and `PATH` (default the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the shared Go build cache lives (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
}

/** A detected Go toolchain. */
export interface GoToolchain extends ToolchainInfo {
  /** `GOROOT` (mounted when outside the system directories). */
  readonly goroot?: string;
  /** The build cache shared by the build steps of every job (`GOCACHE`). */
  readonly buildCache?: string;
  /** GOPATH holding testify for HumanEval-X, when installed. */
  readonly testifyGopath?: string;
}

/** A trivial test per judge, built once so that the shared cache holds the standard library. */
const WARM_UP = {
  stdlib:
    'package main_test\n\nimport (\n    "fmt"\n    "testing"\n)\n\nfunc TestWarm(t *testing.T) { _ = fmt.Sprint(1) }\n',
  testify:
    'package main\n\nimport (\n    "testing"\n    "github.com/stretchr/testify/assert"\n)\n\nfunc TestWarm(t *testing.T) { assert.New(t).Equal(1, 1) }\n',
};

/**
 * Finds `go` (option, `$PASSK_GO`, the system directories, `PATH`), reads `go version` and
 * `GOROOT`, locates testify, and warms the shared build cache `<cacheDir>/go-build` by building
 * one trivial test in each mode (so that a program's build step compiles only the program).
 * `version` names Go and testify (`go1.19.8; testify /usr/share/gocode`).
 *
 * Returns `available: false` with how to install it when `go` is missing. Never throws.
 */
export async function detectGo(options: DetectGoOptions = {}): Promise<GoToolchain> {
  const env = resolveEnvironment(options.env);
  const go = findExecutable(['go'], { explicit: options.go, envVariable: 'PASSK_GO', env });
  if (go === undefined) {
    return {
      available: false,
      problem: 'go not found; install it (apt-get install golang-go) or set PASSK_GO',
    };
  }
  const probe = await probeCommand([go, 'env', 'GOVERSION', 'GOROOT'], { env });
  if (probe.exitCode !== 0) {
    return doesNotRun('go', go, probe);
  }
  const [goVersion = '', goroot = ''] = probe.stdout.trim().split('\n');
  const gopathCandidate = options.testifyGopath ?? (env.PASSK_GOPATH || DEBIAN_GOPATH);
  const testifyGopath = existsSync(join(gopathCandidate, TESTIFY)) ? gopathCandidate : undefined;
  const buildCache = join(options.cacheDir ?? `${defaultCacheDir(env)}/toolchains`, 'go-build');
  mkdirSync(buildCache, { recursive: true });
  const toolchain: GoToolchain = {
    available: true,
    path: go,
    version: `${goVersion}; testify ${testifyGopath ?? 'missing (apt-get install golang-github-stretchr-testify-dev or set PASSK_GOPATH)'}`,
    goroot,
    buildCache,
    ...(testifyGopath === undefined ? {} : { testifyGopath }),
  };
  await warmBuildCache(toolchain, env);
  return toolchain;
}

/** Builds the warm-up tests; failures are ignored (the programs' own builds then fill the cache). */
async function warmBuildCache(toolchain: GoToolchain, env: NodeJS.ProcessEnv): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'passk-go-warm-'));
  try {
    const modes = [
      { file: 'stdlib_test.go', source: WARM_UP.stdlib, env: goEnvironment(toolchain) },
      ...(toolchain.testifyGopath === undefined
        ? []
        : [
            {
              file: 'testify_test.go',
              source: WARM_UP.testify,
              env: goEnvironment(toolchain, toolchain.testifyGopath),
            },
          ]),
    ];
    for (const mode of modes) {
      writeFileSync(join(directory, mode.file), mode.source);
      await probeCommand(
        [
          toolchain.path as string,
          'test',
          '-c',
          '-o',
          join(directory, 'warm.test'),
          join(directory, mode.file),
        ],
        { env: { ...env, ...mode.env }, timeoutMs: 300_000 },
      );
      rmSync(join(directory, mode.file), { force: true });
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The environment of a Go build step: the shared `GOCACHE` (when known), no network
 * (`GOPROXY=off`), no toolchain downloads, and, with `gopath`, GOPATH mode on that tree
 * (HumanEval-X's testify); without it, module mode (MultiPL-E's `go test <file>`; `GOPATH`
 * defaults to `$HOME/go`, i.e. inside the work directory).
 */
export function goEnvironment(toolchain: GoToolchain, gopath?: string): Record<string, string> {
  return {
    ...(toolchain.buildCache === undefined ? {} : { GOCACHE: toolchain.buildCache }),
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    GOFLAGS: '',
    ...(gopath === undefined ? { GO111MODULE: 'on' } : { GO111MODULE: 'off', GOPATH: gopath }),
  };
}
