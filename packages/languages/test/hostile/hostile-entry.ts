import type { Program } from '@passk/core';
import type { HostileContext, HostileProgram, HostileThreat } from '@passk/core/conformance';
import { type MultiplEAdd, multiplEProgram, multiplESolution } from '../multipl-e-add.ts';

/**
 * Time limit of the programs whose point is the limit itself (endless sleep, blocking on stdin,
 * a fork bomb that then waits, a daemon), in milliseconds: short, so the suite stays fast.
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
