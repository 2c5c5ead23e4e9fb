import type { Program, VerdictStatus } from '@passk/core';

/** Environment variable a conformance run plants in passk's own environment; programs must not see it. */
export const HOSTILE_SECRET_VARIABLE = 'PASSK_HOSTILE_SECRET';

/** One hostile completion and the verdict a correct executor + language must give it. */
export interface HostileCase {
  /** Short name (`early exit 0`). */
  readonly name: string;
  /** The completion (function body) that does the hostile thing. */
  readonly completion: string;
  /** The status it must get. */
  readonly expected: VerdictStatus;
  /** For a case that only early exits: the reference harness would have passed it. */
  readonly referencePassed?: boolean;
  /** Run-step time limit in ms for this case (default the suite's). */
  readonly timeoutMs?: number;
  /**
   * Address-space limit in bytes for this case instead of the language's (e.g. a small one
   * for a runtime that fills memory too slowly to reach 4 GiB within its time limit).
   */
  readonly maxMemoryBytes?: number;
  /**
   * Set when the case is only safe inside the sandbox (fork bomb, memory bomb without an
   * address-space limit, writes outside the work directory): the reason.
   */
  readonly sandboxOnly?: string;
}

/**
 * A language's hostile programs: a small MultiPL-E-shaped problem (`add(x, y)`, written for
 * passk) whose program is `prompt + completion + "\n" + tests`, and completions that attack
 * the harness. Every suite has at least: correct, wrong answer, syntax error, early exit with
 * status 0, sleep, endless output, memory bomb, fork bomb, reading a planted secret.
 */
export interface HostileSuite {
  /** passk language id. */
  readonly language: string;
  /** File name of the program (`main.lua`). */
  readonly mainFile: string;
  /** Code before the completion (ends inside `add`). */
  readonly prompt: string;
  /** Code after the completion (closes `add` where the language needs it, then tests it). */
  readonly tests: string;
  /** Run-step time limit in ms (the language's MultiPL-E limit). */
  readonly timeoutMs: number;
  readonly cases: readonly HostileCase[];
}

/** The program of `testCase` in `suite`, judged by the `multipl-e` rule. */
export function hostileProgram(suite: HostileSuite, testCase: HostileCase): Program {
  return {
    language: suite.language,
    files: [
      { path: suite.mainFile, contents: `${suite.prompt}${testCase.completion}\n${suite.tests}` },
    ],
    mainFile: suite.mainFile,
    judge: 'multipl-e',
    timeoutMs: testCase.timeoutMs ?? suite.timeoutMs,
  };
}

/** Reason shared by fork bombs: without the sandbox's process limit they take the machine down. */
export const FORK_BOMB_NEEDS_SANDBOX = 'needs the sandbox process limit';
/** Reason for memory bombs in languages run without an address-space limit (JVM, mono, Julia, Swift). */
export const MEMORY_BOMB_NEEDS_SANDBOX =
  'no address-space limit for this runtime: needs the sandbox memory limit';

/**
 * A program that misbehaves on purpose, and the verdicts passk may give it. Each language lists
 * its own (`<id>/hostile.ts`) for the sandbox conformance kit.
 */
export interface HostileProgram {
  /** What it does (`fork bomb`, `early exit 0`). */
  readonly name: string;
  /** The complete program, as a dataset builds it (files, judge, time limit). */
  readonly program: Program;
  /** Acceptable statuses: any one of them. */
  readonly expected: readonly VerdictStatus[];
  /**
   * True when only a real sandbox makes the expected verdict hold (process count, network,
   * files outside the work directory): without one the program would harm the machine or
   * simply succeed. Never run these without the sandbox.
   */
  readonly needsSandbox?: boolean;
  /**
   * Environment variable the kit must set in passk's own environment before running the
   * program; the program fails if it can read it (it must not leak into steps).
   */
  readonly plantedSecret?: string;
}

/** A one-file hostile program. */
export function hostile(
  name: string,
  language: string,
  file: { readonly path: string; readonly judge: string; readonly timeoutMs: number },
  source: string,
  expected: readonly VerdictStatus[],
  flags: { readonly needsSandbox?: boolean; readonly plantedSecret?: boolean } = {},
): HostileProgram {
  return {
    name,
    program: {
      language,
      files: [{ path: file.path, contents: source }],
      mainFile: file.path,
      judge: file.judge,
      timeoutMs: file.timeoutMs,
    },
    expected,
    ...(flags.needsSandbox ? { needsSandbox: true } : {}),
    ...(flags.plantedSecret ? { plantedSecret: HOSTILE_SECRET_VARIABLE } : {}),
  };
}
