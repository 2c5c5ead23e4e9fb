import {
  type Candidate,
  checkVisibleTests,
  createLocalExecutor,
  type Dataset,
  type Executor,
  judgeProgram,
  type Problem,
  type VisibleCheck,
  visibleJudgementOf,
} from '@passk/core';
import { testScope } from '@passk/core/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { createHumanEvalXDataset } from '../humaneval-x/humaneval-x.ts';
import type { HumanEvalXLanguage } from '../humaneval-x/humaneval-x-files.ts';
import { humanEvalXWrongAnswer } from '../humaneval-x/humaneval-x-wrong-answer.ts';
import { createMultiplEDataset } from '../multipl-e/multipl-e.ts';
import { readQwenSamples } from '../multipl-e/qwen-samples.test-support.ts';
import { languageSetup } from '../multipl-e/run-program.test-support.ts';
import { MULTIPL_E_VISIBLE_TEST_LANGUAGES, multiplEExamples } from './multipl-e-visible-tests.ts';

const context = {
  dataDir: process.env.PASSK_DATA_DIR,
  cacheDir: '/tmp/passk-visible-tests',
  allowDownload: false,
};
const hasData = process.env.PASSK_DATA_DIR !== undefined;
const FULL = testScope() === 'full';

describe('multiplEExamples', () => {
  it("reads the translated `>>>` examples from the prompt's comments", () => {
    const prompt = [
      '// Add two numbers x and y',
      '// >>> add((2), (3))',
      '// (5)',
      '// >>> add((5), (7))',
      '// (12)',
      'long add(long x, long y) {',
      '',
    ].join('\n');
    expect(multiplEExamples(prompt)).toEqual([
      { input: 'add((2), (3))', expected: '(5)' },
      { input: 'add((5), (7))', expected: '(12)' },
    ]);
  });
});

describe.skipIf(!hasData)('visible tests hold none of the hidden cases', () => {
  const datasets: Dataset[] = [
    ...MULTIPL_E_VISIBLE_TEST_LANGUAGES.map((code) => createMultiplEDataset(code)),
    ...(['python', 'js', 'cpp', 'java', 'go'] as const).map((language) =>
      createHumanEvalXDataset(language),
    ),
  ];
  it.each(datasets.map((dataset) => [dataset.id, dataset] as const))('%s', async (_, dataset) => {
    const { problems } = await dataset.load(context);
    let withTests = 0;
    for (const problem of problems) {
      const visible = dataset.visibleTests?.(problem);
      if (visible === undefined) continue;
      withTests++;
      const shown = squeeze(visible.problem.tests);
      for (const line of hiddenOnlyLines(problem)) expect(shown, problem.id).not.toContain(line);
    }
    expect(withTests).toBeGreaterThan(problems.length * 0.85);
  });
});

/**
 * The lines of `problem`'s hidden tests with data in them (a call with a number or a quote) that the
 * examples do not hold (HumanEval-X's `example_test` is a subset of its test), without
 * whitespace.
 */
function hiddenOnlyLines(problem: Problem): string[] {
  const examples = squeeze(String(problem.metadata?.exampleTest ?? ''));
  return problem.tests
    .split('\n')
    .map(squeeze)
    .filter(
      (line) =>
        /\([^()]*(?:["']|(?<!\w)\d)/.test(line) &&
        !line.includes('require(') &&
        !examples.includes(line),
    );
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Programs run: the quick scope checks one HumanEval-X problem in Python, JavaScript, C++ and
 * Java and the interpreted MultiPL-E languages (about 15 s on 2 cores); `PASSK_TEST_SCOPE=full`
 * adds Go, the compiled MultiPL-E languages, more problems and Qwen's passing samples.
 */
describe.skipIf(!hasData)('visible tests run with the benchmark rules', () => {
  let executor: Executor | undefined;
  afterAll(() => executor?.close());

  /** `candidate` checked against `problem`'s visible tests as `run_tests` checks it. */
  async function check(
    language: string,
    dataset: Dataset,
    problem: Problem,
    candidate: Candidate,
  ): Promise<VisibleCheck | string> {
    const setup = await languageSetup(language);
    if (setup.skip !== undefined) return setup.skip;
    executor ??= createLocalExecutor({ concurrency: 2 });
    const run = executor;
    const outcome = await checkVisibleTests({
      dataset,
      problem,
      candidate,
      judge: async (visibleProblem, visibleCandidate) =>
        visibleJudgementOf(
          await judgeProgram({
            language: setup.language,
            toolchain: setup.toolchain,
            executor: run,
            program: dataset.buildProgram(visibleProblem, visibleCandidate),
            timeoutFactor: 3,
          }),
        ),
    });
    if (outcome === undefined) throw new Error(`${problem.id}: no visible tests`);
    // A toolchain that detection accepts may still lack a library the runner needs (NumPy).
    if (outcome.status === 'toolchain_missing') return `${language}: ${outcome.detail}`;
    return outcome;
  }

  const X_LANGUAGES: readonly [HumanEvalXLanguage, string][] = [
    ['python', 'python'],
    ['js', 'javascript'],
    ['cpp', 'cpp'],
    ['java', 'java'],
    ...(FULL ? ([['go', 'go']] as const) : []),
  ];
  it.for(X_LANGUAGES)(
    'HumanEval-X %s: references pass their examples; a wrong answer fails at a named one',
    async ([code, language], testContext) => {
      const dataset = createHumanEvalXDataset(code);
      const { problems } = await dataset.load(context);
      const sample = (FULL ? [0, 12, 57, 120] : [0]).map((index) => problems[index] as Problem);
      let named = 0;
      for (const problem of sample) {
        const [reference, wrong] = await Promise.all([
          check(language, dataset, problem, {
            code: problem.referenceCompletion as string,
            kind: 'completion',
          }),
          check(language, dataset, problem, {
            code: humanEvalXWrongAnswer(code, problem),
            kind: 'completion',
          }),
        ]);
        if (typeof reference === 'string') return testContext.skip(reference);
        if (typeof wrong === 'string') return testContext.skip(wrong);
        expect(reference.status, `${problem.id}: ${reference.detail}`).toBe('passed');
        expect(wrong.passed, problem.id).toBe(false);
        // A wrong value fails at a named example (an exception while computing one need not).
        if (wrong.status === 'failed') {
          expect(wrong.failedExample, `${problem.id}: ${JSON.stringify(wrong)}`).toBeDefined();
          named++;
        }
      }
      expect(named).toBeGreaterThan(0);
    },
  );

  /** `HumanEval_53_add` (`add(x, y)`): a right and a wrong completion per MultiPL-E language. */
  const ADD: Readonly<Record<string, readonly [string, string, string]>> = {
    py: ['python', '    return x + y\n', '    return x - y\n'],
    js: ['javascript', '  return x + y;\n}\n', '  return x - y;\n}\n'],
    ts: ['typescript', '  return x + y;\n}\n', '  return x - y;\n}\n'],
    cpp: ['cpp', '  return x + y;\n', '  return x - y;\n'],
    java: ['java', '        return x + y;\n', '        return x - y;\n'],
    php: ['php', '  return $x + $y;\n}\n', '  return $x - $y;\n}\n'],
    lua: ['lua', '  return x + y\nend\n', '  return x - y\nend\n'],
    rs: ['rust', '    x + y\n', '    x - y\n'],
  };
  const COMPILED = new Set(['ts', 'cpp', 'java', 'rs']);
  it.for(
    MULTIPL_E_VISIBLE_TEST_LANGUAGES.filter((code) => FULL || !COMPILED.has(code)).map((code) => [
      code,
    ]),
  )(
    'MultiPL-E %s: add(x, y) passes its examples; x - y fails at example 1',
    async ([code], testContext) => {
      const [language, right, wrong] = ADD[code] as [string, string, string];
      const dataset = createMultiplEDataset(code);
      const { problems } = await dataset.load(context);
      const problem = problems.find((entry) => entry.id === 'HumanEval_53_add') as Problem;
      const [passing, failing] = await Promise.all([
        check(language, dataset, problem, { code: right, kind: 'completion' }),
        check(language, dataset, problem, { code: wrong, kind: 'completion' }),
      ]);
      if (typeof passing === 'string') return testContext.skip(passing);
      if (typeof failing === 'string') return testContext.skip(failing);
      expect(passing.status, passing.detail).toBe('passed');
      // PHP's tests throw an Exception, which MultiPL-E's PHP rule calls an error.
      expect(failing.status, failing.detail).toBe(code === 'php' ? 'runtime_error' : 'failed');
      expect(failing.failedExample, JSON.stringify(failing)).toMatchObject({
        example: 1,
        input: expect.stringMatching(/^add\(/),
      });
    },
  );

  /**
   * Prompts whose examples are wrong, so that correct code fails them: HumanEval/47's docstring
   * (the median of its second example is 8.0, not 15.0); MultiPL-E's translation of
   * HumanEval/128's `== -9` as `9` in C++, and of HumanEval/22's mixed list as Java that does
   * not compile (`(String)3.14f`).
   */
  const WRONG_EXAMPLES = new Set([
    ...['cpp', 'java', 'js', 'ts', 'php'].map((code) => `${code}/HumanEval_47_median`),
    'cpp/HumanEval_128_prod_signs',
    'java/HumanEval_22_filter_integers',
  ]);
  it.runIf(FULL).for([['cpp'], ['java'], ['js'], ['ts'], ['php']])(
    'MultiPL-E %s: samples that pass the hidden tests pass the visible ones',
    async ([code], testContext) => {
      const [language] = ADD[code] as [string];
      const dataset = createMultiplEDataset(code);
      const { problems } = await dataset.load(context);
      const byId = new Map(problems.map((problem) => [problem.id, problem]));
      const passed = readQwenSamples(code)
        .filter((sample) => sample.passed)
        .map((sample) => ({ sample, problem: byId.get(sample.taskId) as Problem }))
        .filter(
          ({ sample, problem }) =>
            problem !== undefined &&
            sample.generation.startsWith(problem.prompt) &&
            dataset.visibleTests?.(problem) !== undefined,
        )
        .filter(({ problem }) => !WRONG_EXAMPLES.has(`${code}/${problem.id}`))
        .filter((_, index) => index % 12 === 0)
        .slice(0, code === 'ts' ? 3 : 8);
      expect(passed.length).toBeGreaterThanOrEqual(3);
      const failing: string[] = [];
      for (const { sample, problem } of passed) {
        const outcome = await check(language, dataset, problem, {
          code: sample.generation.slice(problem.prompt.length),
          kind: 'completion',
        });
        if (typeof outcome === 'string') return testContext.skip(outcome);
        if (!outcome.passed) failing.push(`${sample.taskId}: ${outcome.detail}`);
      }
      expect(failing).toEqual([]);
    },
    300_000,
  );
});
