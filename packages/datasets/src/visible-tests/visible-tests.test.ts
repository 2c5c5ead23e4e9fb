import {
  type Candidate,
  createLocalExecutor,
  type Dataset,
  type Executor,
  type Problem,
} from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/demo.ts';
import { createHumanEvalDataset } from '../humaneval/humaneval.ts';
import { createMbppDataset } from '../mbpp/mbpp.ts';
import { languageSetup, runProgram } from '../multipl-e/run-program.test-support.ts';
import { pythonDocstringExamples } from './python-visible-tests.ts';
import { failedVisibleExample, visibleTestsOf } from './visible-tests.ts';

const context = {
  dataDir: process.env.PASSK_DATA_DIR,
  cacheDir: '/tmp/passk-visible-tests',
  allowDownload: false,
};

describe('pythonDocstringExamples', () => {
  it('takes >>> calls with their expected values, skipping statements and tracebacks', () => {
    const prompt = [
      'def f(x):',
      '    """Doubles.',
      '    >>> y = 3',
      '    >>> f(2)',
      '    4',
      '    >>> f([1,',
      '    >>> f(None)  # "#" in a string stays',
      '    Traceback (most recent call last):',
      '    >>> f("#a") # a comment',
      '    \'aa\'"""',
    ].join('\n');
    expect(pythonDocstringExamples(prompt)).toEqual([
      { input: 'f(2)', expected: '4' },
      { input: 'f("#a")', expected: "'aa'" },
    ]);
  });
});

describe('failedVisibleExample', () => {
  it("reads the example number and what went wrong from a verdict's detail", () => {
    expect(failedVisibleExample('failed: example 2: f(2) returned 5, expected 4')).toEqual({
      example: 2,
      message: 'f(2) returned 5, expected 4',
    });
    expect(failedVisibleExample("failed: name 'x' is not defined")).toBeUndefined();
  });
});

describe('visible tests run with the benchmark rules', () => {
  let executor: Executor | undefined;
  afterAll(() => executor?.close());

  /** Each problem's reference passes its visible tests; `return None` fails at an example. */
  async function check(
    dataset: Dataset,
    select: (problems: readonly Problem[]) => Problem[],
    wrong: (problem: Problem) => Candidate = () => ({
      code: '    return None\n',
      kind: 'completion',
    }),
  ) {
    const setup = await languageSetup('python');
    if (setup.skip !== undefined) return setup.skip;
    executor ??= createLocalExecutor({ concurrency: 2 });
    const visible = visibleTestsOf(dataset);
    expect(visible).toBeDefined();
    const { problems } = await dataset.load(context);
    const outcomes = await Promise.all(
      select(problems).map(async (problem) => {
        const set = visible?.visibleTests(problem);
        if (set === undefined) return { id: problem.id, none: true };
        const run = (candidate: Candidate) =>
          runProgram(
            executor as Executor,
            setup.language,
            setup.toolchain,
            dataset.buildProgram(set.problem, candidate),
          );
        const reference = await run({
          code: problem.referenceCompletion as string,
          kind: 'completion',
        });
        const failing = await run(wrong(problem));
        return { id: problem.id, reference: reference.verdict, wrong: failing.verdict };
      }),
    );
    return outcomes;
  }

  it('demo: every problem has visible tests, the references pass them, None fails at an example', async (context) => {
    const outcomes = await check(createDemoDataset(), (problems) => [...problems]);
    if (typeof outcomes === 'string') return context.skip(outcomes);
    for (const outcome of outcomes) {
      expect(outcome.none, outcome.id).toBeUndefined();
      expect(outcome.reference?.status, `${outcome.id}: ${outcome.reference?.detail}`).toBe(
        'passed',
      );
      expect(outcome.wrong?.passed, outcome.id).toBe(false);
    }
    const located = outcomes.filter(
      (outcome) => outcome.wrong && failedVisibleExample(outcome.wrong.detail) !== undefined,
    );
    expect(located.length).toBeGreaterThan(outcomes.length / 2);
  });

  it('HumanEval: the references pass the docstring examples of every problem that has some', async (context) => {
    const outcomes = await check(createHumanEvalDataset(), (problems) => [...problems]);
    if (typeof outcomes === 'string') return context.skip(outcomes);
    const withTests = outcomes.filter((outcome) => !outcome.none);
    // 70 of the 164 prompts show `>>>` examples; the others write them in prose (`f(x) ==> y`).
    expect(withTests.length).toBeGreaterThanOrEqual(70);
    const failing = withTests.filter((outcome) => outcome.reference?.status !== 'passed');
    // HumanEval/47's docstring is wrong: the median of [-10, 4, 6, 1000, 10, 20] is 8.0, not
    // 15.0 (its hidden tests agree with the reference).
    expect(failing.map((outcome) => `${outcome.id}: ${outcome.reference?.detail}`)).toEqual([
      'HumanEval/47: failed: example 2: median([-10, 4, 6, 1000, 10, 20]) returned 8.0, expected 15.0',
    ]);
    expect(withTests.every((outcome) => outcome.wrong?.passed === false)).toBe(true);
  });

  it('MBPP: the first assert, as the prompt shows it', async (context) => {
    const outcomes = await check(
      createMbppDataset(),
      (problems) => problems.slice(0, 30),
      (problem) => ({
        code: `def ${problem.entryPoint}(*args):\n    return None\n`,
        kind: 'solution',
      }),
    );
    if (typeof outcomes === 'string') return context.skip(outcomes);
    for (const outcome of outcomes) {
      expect(outcome.reference?.status, `${outcome.id}: ${outcome.reference?.detail}`).toBe(
        'passed',
      );
      expect(outcome.wrong?.passed, outcome.id).toBe(false);
    }
    const wrong = outcomes[0]?.wrong?.detail as string;
    expect(failedVisibleExample(wrong)?.example).toBe(1);
  });
});
