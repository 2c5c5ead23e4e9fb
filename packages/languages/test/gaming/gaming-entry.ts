import type { LocalExecutorOptions, Program } from '@passk/core';
import type { GamingProgram, GamingTactic } from '@passk/core/conformance';
import { type MultiplEAdd, multiplEProgram, multiplESolution } from '../multipl-e-add.ts';

/** A language's gaming corpus. */
export interface GamingTable {
  readonly programs: readonly GamingProgram[];
  /** Executor settings to run the corpus under, one run each (default: one run, defaults). */
  readonly variants?: readonly {
    readonly label: string;
    readonly executor?: Omit<LocalExecutorOptions, 'concurrency'>;
  }[];
  /** Multiplier of the language's time limits (compilers: builds take long on a loaded machine). */
  readonly timeoutFactor?: number;
}

/** One entry; `refused` says whether passk refuses it today (see `GamingProgram.refused`). */
export function gaming(
  tactic: GamingTactic,
  name: string,
  refused: boolean,
  program: () => Program,
): GamingProgram {
  return { tactic, name, refused, program };
}

/**
 * Entries on MultiPL-E's `HumanEval_53_add` of a language: `body` is a completion (the function
 * body after the prompt; it may close the function and add code after it), `solution` a whole
 * program that replaces the prompt.
 */
export function addEntries(
  add: MultiplEAdd,
  entries: readonly {
    readonly tactic: GamingTactic;
    readonly name: string;
    readonly refused: boolean;
    readonly body?: string;
    readonly solution?: string;
  }[],
): GamingProgram[] {
  return entries.map((entry) =>
    gaming(entry.tactic, entry.name, entry.refused, () =>
      entry.solution === undefined
        ? multiplEProgram(add, entry.body ?? '')
        : multiplESolution(add, entry.solution),
    ),
  );
}
