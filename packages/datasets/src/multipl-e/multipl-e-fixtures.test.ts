import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalExecutor, type Problem } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMultiplEProgram } from './build-multipl-e-program.ts';
import { findMultiplELanguage } from './multipl-e-languages.ts';
import { multiplEEntryPoint } from './parse-multipl-e-problems.ts';
import { languageSetup, runProgram } from './run-program.test-support.ts';

/**
 * MultiPL-E's own evaluator self-test (`evaluation/test_inputs/*.json`, run with
 * `main.py --testing`): in every file, `completions[0]` must pass and `completions[1]` must
 * fail. Each runs through passk's program assembly and the language's `multipl-e` judge.
 * Languages whose plugin or toolchain is absent are skipped with the reason printed.
 */
const FIXTURE_DIR = join(process.env.PASSK_DATA_DIR ?? '', 'multipl-e', 'test_inputs');

interface Fixture {
  readonly name: string;
  readonly language: string;
  readonly prompt: string;
  readonly tests: string;
  readonly completions: readonly [string, string];
  readonly stop_tokens: readonly string[];
}

const files = readdirSync(FIXTURE_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();
const executor = createLocalExecutor({ concurrency: 2 });
afterAll(() => executor.close());

describe('MultiPL-E evaluator fixtures (test_inputs)', () => {
  it('covers the fixture files', () => {
    expect(files.length).toBe(11);
  });

  it.for(files)('%s: completions[0] passes, completions[1] fails', async (file, context) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Fixture;
    const language = findMultiplELanguage(fixture.language);
    if (language === undefined) throw new Error(`${file}: unknown language ${fixture.language}`);
    const setup = await languageSetup(language.languageId);
    if (setup.skip !== undefined) {
      console.warn(`skipped ${file} (${language.languageId}): ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const problem: Problem = {
      id: fixture.name,
      datasetId: `multipl-e/${language.code}`,
      language: language.languageId,
      prompt: fixture.prompt,
      entryPoint: multiplEEntryPoint(fixture.name),
      tests: fixture.tests,
      stopSequences: fixture.stop_tokens,
      metadata: {},
    };
    const [good, bad] = await Promise.all(
      fixture.completions.map((code) =>
        runProgram(
          executor,
          setup.language,
          setup.toolchain,
          buildMultiplEProgram(language, problem, { code, kind: 'completion' }),
          // Limits are wall-clock and the test machine is shared: triple them.
          3,
        ),
      ),
    );
    expect([file, good?.verdict]).toEqual([file, { status: 'passed', passed: true, detail: 'OK' }]);
    expect(bad?.verdict.passed).toBe(false);
    expect(bad?.verdict.reference).toBeUndefined();
  });
});
