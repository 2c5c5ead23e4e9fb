import type { Program } from '@passk/core';
import type {
  HostileContext,
  HostileProgram,
  HostileThreat,
  TESTS_NEVER_RAN_THREATS,
} from '@passk/core/conformance';
import { type MultiplEAdd, multiplEProgram, multiplESolution } from '../multipl-e-add.ts';

/**
 * Time limit of the programs expected to end in `timeout` (endless sleep, a fork bomb that then
 * waits, a daemon the tests wait for), in milliseconds: short, so the suite stays fast. Never
 * for a program expected to pass (a daemon holding stdout, reading stdin to its end): those get
 * the benchmark's own limit, as a runtime's start alone can take longer than this on a loaded
 * machine, and a run that wrongly waited for the daemon ends in `timeout` all the same.
 */
export const SHORT_TIMEOUT_MS = 1500;

export { connectCommand, daemonCommand, forkBombCommand, literal } from './hostile-code.ts';

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

/**
 * A language's `home-files` and `repo-files` entries: `reachOut(read, guarded, targets)` is the
 * code that reads `read`, writes every target and fails when the read or the write of `guarded`
 * worked; `program` turns code into a program of the language.
 */
export function fileEntries(
  program: (code: (context: HostileContext) => string) => (context: HostileContext) => Program,
  reachOut: (read: string, guarded: string, targets: readonly string[]) => string,
): HostileProgram[] {
  return [
    hostile(
      'home-files',
      'reads a file in the home directory, writes there and in /tmp, /var/tmp, /dev/shm',
      ['passed'],
      program((c) => reachOut(c.homeFile, c.writeTargets[0] as string, c.writeTargets)),
    ),
    hostile(
      'repo-files',
      'reads a file in the repository, writes there',
      ['passed'],
      program((c) => reachOut(c.repoFile, c.writeTargets[1] as string, c.writeTargets)),
    ),
  ];
}
