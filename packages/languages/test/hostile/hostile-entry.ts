import type { Program } from '@passk/core';
import type {
  HostileContext,
  HostileProgram,
  HostileThreat,
  TESTS_NEVER_RAN_THREATS,
} from '@passk/core/conformance';
import { type MultiplEAdd, multiplEProgram, multiplESolution } from '../multipl-e-add.ts';

/**
 * Time limit of the programs whose point is the limit itself (endless sleep, blocking on stdin,
 * a fork bomb that then waits, a daemon), in milliseconds: short, so the suite stays fast.
 */
export const SHORT_TIMEOUT_MS = 1500;

/** One entry of a language's table. `reference` is what the reference harness's rule concludes. */
export function hostile(
  threat: HostileThreat,
  name: string,
  expect: HostileProgram['expect'],
  program: (context: HostileContext) => Program,
  reference?: 'passed' | 'failed',
): HostileProgram {
  return {
    threat,
    name,
    expect,
    program,
    ...(reference === undefined ? {} : { expectReference: { passed: reference === 'passed' } }),
  };
}

/**
 * A string literal for C-like languages (and Python, Ruby, Lua, R, Racket, PHP, Perl, Julia):
 * JSON's escapes; an array of strings becomes JavaScript's (and Python's) array literal. The
 * commands below contain no `$`, `@`, backquote, `#{` or `\(`, so no language interpolates
 * anything in them.
 */
export const literal = (value: string | readonly string[]): string => JSON.stringify(value);

/**
 * A shell fork bomb in the background (its processes carry the marker in their command line),
 * for a language's `system()`: `/bin/sh -c 'b(){ b | b & }; b' <marker>`. With `delaySeconds`
 * it goes off that late: a runtime that creates threads right after starting a process (the
 * JVM's process reaper) would otherwise race the bomb for the process limit, and fail now
 * with one status, now with another.
 */
export const forkBombCommand = (context: HostileContext, delaySeconds?: number): string =>
  `/bin/sh -c '${delaySeconds === undefined ? '' : `sleep ${delaySeconds}; `}b(){ b | b & }; b' ${context.marker} >/dev/null 2>&1 &`;

/**
 * A daemon: a new session (`setsid`) running a shell loop that ignores SIGHUP, SIGINT and
 * SIGTERM and keeps the program's stdout and stderr open, started in the background; the
 * marker is its `$0`.
 */
export const daemonCommand = (context: HostileContext): string =>
  `setsid /bin/sh -c 'trap "" HUP INT TERM; while :; do sleep 1; done' ${context.marker} </dev/null &`;

/** Exits 0 only when bash can open a TCP connection to the suite's server on 127.0.0.1. */
export const connectCommand = (context: HostileContext): string =>
  `/bin/bash -c 'exec 3<>/dev/tcp/127.0.0.1/${context.port}' 2>/dev/null`;

/**
 * Program factories for a language's `HumanEval_53_add`: `body(code)` is the program of a
 * completion that is the function body `code`, `solution(code)` that of a whole-program
 * solution; `timeoutMs` replaces MultiPL-E's run limit.
 */
export function multiplE(add: MultiplEAdd): {
  readonly body: (
    code: (context: HostileContext) => string,
    timeoutMs?: number,
  ) => (context: HostileContext) => Program;
  readonly solution: (
    code: (context: HostileContext) => string,
    timeoutMs?: number,
  ) => (context: HostileContext) => Program;
} {
  const options = (timeoutMs: number | undefined) => (timeoutMs === undefined ? {} : { timeoutMs });
  return {
    body: (code, timeoutMs) => (context) => multiplEProgram(add, code(context), options(timeoutMs)),
    solution: (code, timeoutMs) => (context) =>
      multiplESolution(add, code(context), options(timeoutMs)),
  };
}

/** Every status but a pass (and the infrastructure faults): what a program whose tests never ran may end with. */
export const NOT_PASSED: HostileProgram['expect'] = [
  'failed',
  'runtime_error',
  'compile_error',
  'timeout',
];

/** Prose a chat model might answer with instead of code. */
export const PROSE =
  'Here is the function you asked for: it adds the two numbers and returns the sum.';

/**
 * The "tests never ran" programs of a language (threats `text-only`, `empty-program`,
 * `tolerated-syntax-error`, `unreached-tests`, `redefined-tests`), built on the *wrong* answer
 * to `HumanEval_53_add`: were the benchmark's tests to run, they would fail, so a pass could only
 * come from evidence that something else produced. Each entry gives the code of a completion
 * (`body`, after the prompt) or of a whole-program answer (`solution`, replacing it); the empty
 * program is a main file with nothing in it. `reference` is MultiPL-E's judgement where it is
 * known to pass the program (its rule looks at the exit code only).
 */
export function testsNeverRan(
  add: MultiplEAdd,
  cases: readonly {
    readonly threat: Exclude<NeverRanThreat, 'empty-program'>;
    readonly name: string;
    readonly body?: string;
    readonly solution?: string;
    readonly reference?: 'passed' | 'failed';
  }[],
): HostileProgram[] {
  const { body, solution } = multiplE(add);
  const empty: HostileProgram = hostile('empty-program', 'an empty main file', NOT_PASSED, () => ({
    ...multiplESolution(add, ''),
    files: [{ path: add.mainFile, contents: '' }],
  }));
  return [
    empty,
    ...cases.map((entry) =>
      hostile(
        entry.threat,
        entry.name,
        NOT_PASSED,
        entry.solution === undefined
          ? body(() => entry.body ?? '')
          : solution(() => entry.solution ?? ''),
        entry.reference,
      ),
    ),
  ];
}

/** One of the threats whose programs never run the benchmark's tests. */
export type NeverRanThreat = (typeof TESTS_NEVER_RAN_THREATS)[number];
