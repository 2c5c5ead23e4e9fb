import { createLocalExecutor, type Language, type ToolchainInfo } from '@passk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinLanguages } from '../index.ts';
import { HOSTILE_SECRET_VARIABLE, hostileProgram } from './hostile-program.ts';
import { MULTIPL_E_HOSTILE_SUITES } from './hostile-suites.ts';

/**
 * Every language's hostile programs through the local executor (no sandbox yet): cases marked
 * `sandboxOnly` are skipped with their reason; languages without a toolchain are skipped with
 * the install hint. A secret is planted in this process's environment for the whole run.
 */
const executor = createLocalExecutor({ concurrency: 2 });
const previousSecret = process.env[HOSTILE_SECRET_VARIABLE];
beforeAll(() => {
  process.env[HOSTILE_SECRET_VARIABLE] = 'planted-by-the-hostile-test';
});
afterAll(async () => {
  if (previousSecret === undefined) delete process.env[HOSTILE_SECRET_VARIABLE];
  else process.env[HOSTILE_SECRET_VARIABLE] = previousSecret;
  await executor.close();
});

const detected = new Map<string, Promise<{ language: Language; toolchain: ToolchainInfo }>>();
function setup(id: string) {
  let entry = detected.get(id);
  if (entry === undefined) {
    const factory = builtinLanguages[id as keyof typeof builtinLanguages] as () => Language;
    const language = factory();
    entry = language.detect().then((toolchain) => ({ language, toolchain }));
    detected.set(id, entry);
  }
  return entry;
}

describe.each(Object.entries(MULTIPL_E_HOSTILE_SUITES))('hostile programs: %s', (id, suite) => {
  it.for(suite.cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s',
    async ([, testCase], context) => {
      if (testCase.sandboxOnly !== undefined) {
        context.skip(testCase.sandboxOnly);
        return;
      }
      const { language, toolchain } = await setup(id);
      if (!toolchain.available) {
        console.warn(`skipped ${id} hostile programs: ${toolchain.problem}`);
        context.skip(toolchain.problem);
        return;
      }
      const program = hostileProgram(suite, testCase);
      // Time limits are wall-clock on a shared machine: triple them, except where the
      // limit is what the case tests.
      const timeoutFactor = testCase.expected === 'timeout' ? 1 : 3;
      const steps = language.steps(program, toolchain, { timeoutFactor });
      const limits = language.limits(program);
      const result = await executor.execute({
        files: program.files,
        steps,
        limits:
          testCase.maxMemoryBytes === undefined
            ? limits
            : { ...limits, maxMemoryBytes: testCase.maxMemoryBytes },
      });
      const verdict = language.classify(program, result);
      const run = result.steps.at(-1);
      expect(
        { status: verdict.status, reference: verdict.reference?.passed ?? null },
        `${verdict.detail}\n${run?.stderrTail.slice(-600)}`,
      ).toEqual({
        status: testCase.expected,
        reference: testCase.referencePassed === true ? true : null,
      });
    },
  );
});
