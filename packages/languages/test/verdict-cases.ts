import type {
  Executor,
  Language,
  Program,
  ToolchainInfo,
  Verdict,
  VerdictStatus,
} from '@passk/core';
import { expect, it } from 'vitest';
import { judgeProgram } from './run-program.ts';

/** A program and the verdict a language must give it. */
export interface VerdictCase {
  /** Test name. */
  readonly name: string;
  /** The program. */
  readonly target: Program;
  /** passk's status. */
  readonly status: VerdictStatus;
  /** passk's detail, exactly or by pattern. */
  readonly detail: string | RegExp;
  /** The reference judgement's status (or detail, see {@link itJudgesCases}) when it differs. */
  readonly reference?: string;
}

/** Asserts that `verdict` is the one `test` expects; `reference` names the field compared. */
export function expectVerdict(
  verdict: Verdict,
  test: Omit<VerdictCase, 'target'>,
  reference: 'status' | 'detail' = 'status',
): void {
  expect(verdict.status).toBe(test.status);
  expect(verdict.passed).toBe(test.status === 'passed');
  if (typeof test.detail === 'string') expect(verdict.detail).toBe(test.detail);
  else expect(verdict.detail).toMatch(test.detail);
  expect(verdict.reference?.[reference]).toBe(test.reference);
}

/** What {@link itJudgesCases} runs the cases with, known once `beforeAll` has run. */
export interface CaseSetup {
  readonly language: Language;
  readonly toolchain: ToolchainInfo;
  readonly executor: Executor;
  /** Why the tests are skipped (a missing toolchain), if they are. */
  readonly skip: string | undefined;
}

/** One test per case: runs its program through the executor and checks the verdict. */
export function itJudgesCases(
  cases: readonly VerdictCase[],
  setup: () => CaseSetup,
  reference: 'status' | 'detail' = 'status',
): void {
  it.for(cases.map((test) => [test.name, test] as const))('%s', async ([, test], context) => {
    const { language, toolchain, executor, skip } = setup();
    if (skip) return context.skip(skip);
    const { verdict } = await judgeProgram(language, toolchain, executor, test.target);
    expectVerdict(verdict, test, reference);
  });
}

/**
 * Asserts that `language.detect()` is cached (gives `toolchain` again) and that `missing`, the
 * language pointed at a tool that does not exist, reports it unavailable with `problem`.
 */
export async function expectCachedDetection(
  language: Language,
  toolchain: ToolchainInfo,
  missing: Language,
  problem: RegExp,
): Promise<void> {
  expect(await language.detect()).toBe(toolchain);
  const info = await missing.detect();
  expect(info.available).toBe(false);
  expect(info.problem).toMatch(problem);
}
