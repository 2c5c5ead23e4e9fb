import { createLocalExecutor, defaultDataContext } from '@passk/core';
import { scopedSubset } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { createMultiplEDataset } from './multipl-e.ts';
import { MULTIPL_E_LANGUAGES } from './multipl-e-languages.ts';
import { languageSetup, runProgram } from './run-program.test-support.ts';

/**
 * Must-fail control: every problem of every MultiPL-E language, with an empty completion (the
 * prompt's function left without a body) and with a wrong body that returns early, must not
 * pass. The quick test scope (the default) checks every 8th problem (Scala, which compiles each
 * program on a cold JVM in about 3 s, every 20th); `PASSK_TEST_SCOPE=full` checks all of them.
 * Languages without a plugin or toolchain here are skipped with the reason.
 */
const executor = createLocalExecutor({ concurrency: 2 });
afterAll(() => executor.close());

/** A completion that is wrong in every language: ends the function at once (syntax error or wrong value). */
const WRONG = '\n';

describe('MultiPL-E must-fail control', () => {
  it.for(MULTIPL_E_LANGUAGES.map((language) => language.code))(
    'multipl-e/%s: no problem passes with an empty completion',
    async (code, context) => {
      const dataset = createMultiplEDataset(code);
      const setup = await languageSetup(dataset.languages[0] ?? '');
      if (setup.skip !== undefined) {
        console.warn(`skipped multipl-e/${code}: ${setup.skip}`);
        return context.skip(setup.skip);
      }
      const { problems } = await dataset.load(defaultDataContext(process.env));
      const selected = scopedSubset(problems, {
        id: (problem) => problem.id,
        every: code === 'scala' ? 20 : 8,
      });
      const verdicts = await Promise.all(
        selected.map(async (problem) => {
          const program = dataset.buildProgram(problem, { code: WRONG, kind: 'completion' });
          const { verdict } = await runProgram(
            executor,
            setup.language,
            setup.toolchain,
            program,
            3,
          );
          return [problem.id, verdict] as const;
        }),
      );
      const statuses: Record<string, number> = {};
      for (const [, verdict] of verdicts)
        statuses[verdict.status] = (statuses[verdict.status] ?? 0) + 1;
      console.log(
        `multipl-e/${code}: ${verdicts.length} problems, empty completion: ${JSON.stringify(statuses)}`,
      );
      expect(verdicts.filter(([, verdict]) => verdict.passed).map(([id]) => id)).toEqual([]);
      // Nothing is an infrastructure fault: every failure is the program's.
      expect(
        verdicts.filter(
          ([, verdict]) =>
            verdict.status === 'infra_error' || verdict.status === 'toolchain_missing',
        ),
      ).toEqual([]);
      // MultiPL-E's own rule would not pass them either.
      expect(
        verdicts.filter(([, verdict]) => verdict.reference?.passed === true).map(([id]) => id),
      ).toEqual([]);
    },
    900_000,
  );
});
