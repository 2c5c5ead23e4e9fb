import type { Program, VerdictStatus } from '@passk/core';

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

/** The environment variable the secret-reading programs look for. */
export const HOSTILE_SECRET_VARIABLE = 'PASSK_HOSTILE_SECRET';

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
