import type { Step } from '@passk/core';
import { assetText } from '../internal/asset-path.ts';
import { type OutputJudgeProgram, outputJudgeSteps } from '../internal/output-judge.ts';
import { type JavaTestSplit, splitJavaTests } from './split-java-tests.ts';

/** passk's canonical form of Java values (class `PasskJudgeValues`, appended to each program), in assets. */
const JAVA_SHOW = 'java/PasskJudgeValues.java';

/** The imports of MultiPL-E's Java prompts, which the tests' expected values may use. */
const PROMPT_IMPORTS = [
  'java.util.*',
  'java.lang.reflect.*',
  'org.javatuples.*',
  'java.security.*',
  'java.math.*',
  'java.io.*',
  'java.util.stream.*',
]
  .map((name) => `import ${name};\n`)
  .join('');

/** `main` adding each of `values` to the judge's values, then writing them. */
function main(values: readonly string[]): string {
  return [
    '    public static void main(String[] args) throws Exception {',
    '        PasskJudgeValues passkValues = new PasskJudgeValues();',
    ...values.map((value) => `        passkValues.add(${value});`),
    '        passkValues.write();',
    '    }',
    '}',
    '',
  ].join('\n');
}

/**
 * The judge's two programs for a split MultiPL-E Java program, each a `Problem.java` with class
 * `Problem` and the canonical form (`PasskJudgeValues`):
 * - expected: MultiPL-E's imports and a `main` that adds each test's expected expression; no
 *   code of the candidate;
 * - candidate: the candidate's part (imports, `class Problem {` and the completion) closed by a
 *   `main` that calls the entry point with each test's arguments in order and adds each result;
 *   no expected value.
 */
export function javaJudgeSources(split: JavaTestSplit): { expected: string; candidate: string } {
  const showSource = assetText(JAVA_SHOW);
  return {
    expected: `${PROMPT_IMPORTS}class Problem {\n${main(split.calls.map((call) => call.expected))}${showSource}`,
    candidate: `${split.candidate}${main(split.calls.map((call) => `${split.entry}(${call.args})`))}${showSource}`,
  };
}

/**
 * The output judge's steps (see `outputJudgeSteps`) for a MultiPL-E Java program, or none when
 * it does not split (`splitJavaTests`): each program built by `compile(file)` (the reference
 * build's command for another file) and run by `run`.
 */
export function javaOutputJudgeSteps(
  source: string,
  compile: (file: string) => Omit<Step, 'name'>,
  run: Omit<Step, 'name'>,
): Step[] {
  const split = splitJavaTests(source);
  if (split === undefined) return [];
  const sources = javaJudgeSources(split);
  const program = (name: 'expected' | 'candidate'): OutputJudgeProgram => ({
    files: [{ path: 'Problem.java', contents: sources[name] }],
    build: compile('Problem.java'),
    run,
  });
  return outputJudgeSteps(program('expected'), program('candidate'));
}
