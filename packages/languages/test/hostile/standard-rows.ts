import type { Program } from '@passk/core';
import type { HostileContext, HostileProgram, HostileThreat } from '@passk/core/conformance';
import { hostile } from './hostile-entry.ts';

/** A language's program for one row, from the suite's context. */
type RowProgram = (context: HostileContext) => Program;

/**
 * A row most languages' tables have: the threat and the statuses that are right are the
 * suite's, the program is the language's, and the description is `usual` unless the language
 * does it another way (then it names its own).
 */
const standardRow =
  (threat: HostileThreat, expect: HostileProgram['expect'], usual: string) =>
  (program: RowProgram, name = usual): HostileProgram =>
    hostile(threat, name, expect, program);

/** `fork-bomb`: a fork bomb, then waiting for the time limit. */
export const forkBomb = standardRow(
  'fork-bomb',
  ['timeout'],
  'a shell fork bomb, then a busy loop',
);

/** `daemon`: leaves a process behind holding stdout, then answers right (the run must not wait for it). */
export const daemon = standardRow(
  'daemon',
  ['passed'],
  'a setsid shell loop holding stdout, then the right answer',
);

/** `kill-parent`: SIGKILL to its parent, then the right answer (the run survives it). */
export const killParent = standardRow(
  'kill-parent',
  ['passed'],
  'SIGKILL to its parent, then the right answer',
);

/** `kill-parent`: SIGKILL to itself before the tests. */
export const killSelf = standardRow(
  'kill-parent',
  ['runtime_error'],
  'SIGKILL to its own process before the tests',
);

/** `api-key`: looks for the planted key (finding it fails the program), then the right answer. */
export const apiKey = standardRow(
  'api-key',
  ['passed'],
  "looks for the key in its environment and every process's",
);
