import type { ExecutionLimits, Language } from '@passk/core';
import { classifyGo } from './classify-go.ts';
import { detectGo, type GoToolchain } from './detect-go.ts';
import { goJudge, goSteps } from './go-steps.ts';

/** Default address-space limit of each Go step: 4 GiB. */
export const GO_DEFAULT_MAX_MEMORY_BYTES = 4 * 1024 ** 3;
/** Default cap on each of stdout and stderr: 1 MiB. */
export const GO_DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/** Options of {@link createGoLanguage}. */
export interface GoLanguageOptions {
  /** `go` executable instead of searching (see `detectGo`). */
  readonly go?: string;
  /** GOPATH holding testify (default `$PASSK_GOPATH`, else Debian's `/usr/share/gocode`). */
  readonly testifyGopath?: string;
  /** Environment read during detection (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the shared Go build cache lives (default `<passk cache>/toolchains`). */
  readonly cacheDir?: string;
  /** Address-space limit per step in bytes, 0 for none (default 4 GiB). */
  readonly maxMemoryBytes?: number;
  /** Bytes of stdout and of stderr per step before it is killed (default 1 MiB). */
  readonly maxOutputBytes?: number;
}

/**
 * The Go language (`go`, alias `golang`, extension `.go`).
 *
 * Judges: `humaneval-x` (CodeGeeX: `go test -timeout=<t>s main_test.go` with testify) and
 * `multipl-e` (`go test <file>_test.go`, standard library only, judged by `go test`'s output).
 * `go test` is split into a cached build and a run of the test binary; a pass needs the testing
 * package's `PASS` line, and `os.Exit(0)` during a test panics (`-test.paniconexit0`, as `go
 * test` does). See `goSteps` and `classifyGo`. `steps()` and `classify()` throw
 * `UnknownIdError` for another judge.
 */
export function createGoLanguage(options: GoLanguageOptions = {}): Language {
  const limits: ExecutionLimits = {
    maxOutputBytes: options.maxOutputBytes ?? GO_DEFAULT_MAX_OUTPUT_BYTES,
    maxMemoryBytes: options.maxMemoryBytes ?? GO_DEFAULT_MAX_MEMORY_BYTES,
  };
  let detected: Promise<GoToolchain> | undefined;
  return {
    id: 'go',
    aliases: ['golang'],
    extension: '.go',
    detect() {
      detected ??= detectGo(options);
      return detected;
    },
    steps(program, toolchain, stepOptions) {
      return goSteps(program, toolchain, stepOptions);
    },
    limits() {
      return limits;
    },
    classify(program, result) {
      return classifyGo(goJudge(program.judge), result);
    },
  };
}
