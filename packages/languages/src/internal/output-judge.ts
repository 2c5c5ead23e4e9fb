import type { ExecutionResult, JobFile, Judgement, Step, StepResult, Verdict } from '@passk/core';
import { isolatedVerdict } from './isolated-judge-verdict.ts';
import { oneLine } from './one-line.ts';
import { judgement } from './verdict.ts';

/**
 * An output judge, for compiled languages whose tests compare `candidate(args)` with an
 * expected value: the calls run in a program built from the candidate's code alone (no test,
 * no expected value in its files), which prints each result in the language's canonical form;
 * the expected values are printed by a program built without the candidate's code; passk
 * compares the two lists. What the candidate's program prints is data: it cannot learn what
 * it should print except by solving the problem, and nothing it does reaches the comparison.
 * Both programs run after the reference run, each in a fresh work area (`Step.freshFiles`).
 */

/** Report file both judge programs write: a JSON array of strings, one value per call, in order. */
export const VALUES_FILE = 'passk-values.json';

/** Step names: the program of the expected values, then the candidate's. */
export const OUTPUT_JUDGE_STEPS = {
  expectedBuild: 'judge-expected-build',
  expected: 'judge-expected',
  candidateBuild: 'judge-candidate-build',
  candidate: 'judge-candidate',
} as const;

/** One judge program: its files, its optional build step and its run step (names are set here). */
export interface OutputJudgeProgram {
  /** The only files of its work area. */
  readonly files: readonly JobFile[];
  /** Builds it (may use a shared compiler cache: no code of the program runs while building). */
  readonly build?: Omit<Step, 'name' | 'freshFiles' | 'reportFile'>;
  /** Runs it; it writes {@link VALUES_FILE}. Never given a writable mount. */
  readonly run: Omit<Step, 'name' | 'freshFiles' | 'reportFile'>;
}

/**
 * The judge's steps, to follow the reference steps (which stop the job when the program
 * fails): the expected values' program, then the candidate's, each starting in a fresh work
 * area holding only its files. A failing step ends the job (the verdict then says why).
 */
export function outputJudgeSteps(
  expected: OutputJudgeProgram,
  candidate: OutputJudgeProgram,
): Step[] {
  const steps = (program: OutputJudgeProgram, build: string, run: string): Step[] => {
    const runStep: Step = { ...program.run, name: run, reportFile: VALUES_FILE };
    if (program.build === undefined) return [{ ...runStep, freshFiles: program.files }];
    return [{ ...program.build, name: build, freshFiles: program.files }, runStep];
  };
  return [
    ...steps(expected, OUTPUT_JUDGE_STEPS.expectedBuild, OUTPUT_JUDGE_STEPS.expected),
    ...steps(candidate, OUTPUT_JUDGE_STEPS.candidateBuild, OUTPUT_JUDGE_STEPS.candidate),
  ];
}

/** The values a judge step reported, or undefined when it did not exit 0 with a list of strings. */
function reportedValues(step: StepResult | undefined): readonly string[] | undefined {
  if (step === undefined || step.exitCode !== 0 || step.signal !== null || step.timedOut) {
    return undefined;
  }
  const { report } = step;
  if (!Array.isArray(report) || !report.every((value) => typeof value === 'string')) {
    return undefined;
  }
  return report as string[];
}

/** A value for a detail: quoted, on one line, cut. */
function shown(value: string): string {
  return oneLine('', JSON.stringify(value));
}

/**
 * What the candidate's program says, against the expected `values`: `passed` when it printed
 * the same list; otherwise why not (it did not build, crashed, timed out, stopped early, or a
 * call gave another value).
 */
function candidateJudgement(result: ExecutionResult, expected: readonly string[]): Judgement {
  const find = (name: string) => result.steps.find((step) => step.name === name);
  const build = find(OUTPUT_JUDGE_STEPS.candidateBuild);
  if (build !== undefined && (build.exitCode !== 0 || build.signal !== null || build.timedOut)) {
    return build.timedOut
      ? judgement('timeout', "the candidate's code alone did not build in time")
      : judgement(
          'compile_error',
          oneLine("the candidate's code alone does not build: ", build.stderrTail),
        );
  }
  const run = find(OUTPUT_JUDGE_STEPS.candidate);
  if (run === undefined) return judgement('runtime_error', "the candidate's calls did not run");
  if (run.timedOut) return judgement('timeout', "the candidate's calls timed out");
  const values = reportedValues(run);
  if (values === undefined) {
    const why =
      run.exitCode === 0 && run.signal === null
        ? 'it exited 0 without writing them'
        : run.stderrTail || `exit ${run.exitCode ?? run.signal}`;
    return judgement('runtime_error', oneLine("the candidate's calls gave no values: ", why));
  }
  if (values.length !== expected.length) {
    return judgement(
      'runtime_error',
      `the candidate's program gave ${values.length} values for ${expected.length} calls`,
    );
  }
  const index = values.findIndex((value, at) => value !== expected[at]);
  if (index < 0) return judgement('passed', 'the calls gave the expected values');
  return judgement(
    'failed',
    `call ${index + 1} of ${expected.length} gave ${shown(values[index] ?? '')}, expected ${shown(expected[index] ?? '')}`,
  );
}

/**
 * The verdict with an output judge ({@link outputJudgeSteps}): `reference` when it did not
 * pass, or when the expected values could not be had (the judge program of the expected
 * values did not run cleanly: a test shape the language's splitter did not foresee, the
 * reference rule alone then decides); `reference` too when the candidate's program printed the
 * expected values; otherwise the judge's status, with the reference's pass kept in
 * `Verdict.reference`. `printable` says whether the candidate's results can have the expected
 * values' form at all (default: always); when not (a return type the canonical form cannot
 * print, seen from the expected values alone), the reference rule alone decides.
 */
export function withOutputJudge(
  reference: Verdict,
  result: ExecutionResult,
  printable: (expected: readonly string[]) => boolean = () => true,
): Verdict {
  if (!reference.passed) return reference;
  const expected = reportedValues(
    result.steps.find((step) => step.name === OUTPUT_JUDGE_STEPS.expected),
  );
  if (expected === undefined || !printable(expected)) return reference;
  const own = candidateJudgement(result, expected);
  return own.passed ? reference : isolatedVerdict(reference, own);
}
