import type { Program, Step, StepOptions } from '@passk/core';
import { hostMounts, writableMount } from '../internal/host-mounts.ts';
import { selectJudge } from '../internal/select-judge.ts';
import { type GoToolchain, goEnvironment } from './detect-go.ts';
import { GO_LINK_FLAGS } from './go-link-flags.ts';
import { goOutputJudgeSteps } from './go-output-judge.ts';
import { splitGoTests } from './split-go-tests.ts';

/** The verdict rules (`Program.judge`) of the Go language. */
export const GO_JUDGES = ['humaneval-x', 'multipl-e'] as const;
/** One of {@link GO_JUDGES}. */
export type GoJudge = (typeof GO_JUDGES)[number];

/** The Go language version HumanEval-X's module pins (`go 1.18` in its go.mod). */
export const HUMANEVAL_X_GO_LANGUAGE = 'go1.18';
/** Name of the test binary the build step writes. */
export const GO_TEST_BINARY = 'main.test';

/** Returns `judge` when it is a Go judge. @throws UnknownIdError otherwise. */
export function goJudge(judge: string): GoJudge {
  return selectJudge('go', judge, GO_JUDGES);
}

/** Go's duration syntax for `ms` milliseconds (`5s`, `2.5s`). */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** The text of the program's main file ('' when it has none). */
function mainSource(program: Program): string {
  return program.files.find((file) => file.path === program.mainFile)?.contents ?? '';
}

/**
 * The steps that test a Go program. The reference harnesses run `go test`, which builds the
 * test binary and runs it; passk splits that into a `build` step (`go test -c`, which also runs
 * the same `go vet` checks; linked with {@link GO_LINK_FLAGS}) that may use the shared build
 * cache, and a `run` step that executes
 * the binary with the flags `go test` passes it (`-test.paniconexit0`, `-test.timeout`), so the
 * step that runs model code never touches a shared directory.
 * - `humaneval-x` (CodeGeeX: `go test -timeout=<t>s main_test.go` in a module with testify):
 *   GOPATH mode on the installed testify, language version pinned to go1.18 as the reference
 *   module does; both steps get the program's limit, and the binary `-test.timeout=<t>`. No
 *   steps at all when testify is missing (the verdict is then `toolchain_missing`).
 * - `multipl-e` (`go test <file>_test.go`, 30 s, standard library only): module mode outside any
 *   module; both steps get the program's limit, the binary go test's default `-test.timeout=10m`.
 * Limits are multiplied by `timeoutFactor`. A `multipl-e` program whose tests `splitGoTests`
 * reads is then judged by its output too (`goOutputJudgeSteps`: the expected values and the
 * candidate's calls printed by two more programs, built and run as the reference is).
 *
 * @throws UnknownIdError for another judge.
 */
export function goSteps(
  program: Program,
  toolchain: GoToolchain,
  options: StepOptions,
): readonly Step[] {
  const judge = goJudge(program.judge);
  const timeoutMs = program.timeoutMs * options.timeoutFactor;
  const humanEvalX = judge === 'humaneval-x';
  if (humanEvalX && toolchain.testifyGopath === undefined) return [];
  const mounts = [
    ...hostMounts([
      toolchain.path,
      toolchain.goroot,
      humanEvalX ? toolchain.testifyGopath : undefined,
    ]),
    ...(toolchain.buildCache === undefined ? [] : [writableMount(toolchain.buildCache)]),
  ];
  const build: Step = {
    name: 'build',
    argv: [
      toolchain.path ?? 'go',
      'test',
      '-c',
      '-o',
      GO_TEST_BINARY,
      GO_LINK_FLAGS,
      ...(humanEvalX ? [`-gcflags=-lang=${HUMANEVAL_X_GO_LANGUAGE}`] : []),
      program.mainFile,
    ],
    timeoutMs,
    env: goEnvironment(toolchain, humanEvalX ? toolchain.testifyGopath : undefined),
    mounts,
  };
  const run: Step = {
    name: 'run',
    argv: [
      `./${GO_TEST_BINARY}`,
      '-test.paniconexit0',
      `-test.timeout=${humanEvalX ? seconds(timeoutMs) : '10m0s'}`,
    ],
    timeoutMs,
  };
  const split = humanEvalX ? undefined : splitGoTests(mainSource(program));
  if (split === undefined) return [build, run];
  return [build, run, ...goOutputJudgeSteps(split, { build, run, mainFile: program.mainFile })];
}
