import { type Dataset, defineDataset, readJsonl, resolveDataFile, sha256File } from '@passk/core';
import type { SelftestControls } from '../selftest-controls.ts';
import { humanEvalXVisibleTests } from '../visible-tests/humaneval-x-visible-tests.ts';
import { buildHumanEvalXProgram } from './build-humaneval-x-program.ts';
import {
  HUMANEVAL_X_COMMIT,
  type HumanEvalXLanguage,
  humanEvalXFile,
} from './humaneval-x-files.ts';
import { HUMANEVAL_X_LANGUAGE_INFO } from './humaneval-x-languages.ts';
import { humanEvalXWrongAnswer } from './humaneval-x-wrong-answer.ts';
import { parseHumanEvalXProblems } from './parse-humaneval-x-problems.ts';

/** Options of {@link createHumanEvalXDataset}. */
export interface HumanEvalXOptions {
  /** Use this file instead of looking one up (its hash is still checked). */
  readonly path?: string;
  /** Test with the docstring examples (`example_test`) instead of the hidden tests. */
  readonly exampleTest?: boolean;
}

/**
 * HumanEval-X in one language (`humaneval-x/<cpp|go|java|js|python|rust>`, 164 problems),
 * scored as CodeGeeX's `evaluate_humaneval_x.py` does: its program assembly (Python's 16
 * imports, C++'s headers, Go's import fix-up, Rust's `fn main` and declaration), a 5 s limit
 * and each language's `humaneval-x` rule. Samples use the key
 * `generation`. Reference solutions are the canonical ones; the selftest controls are an empty
 * completion and a type-correct wrong answer.
 */
export function createHumanEvalXDataset(
  language: HumanEvalXLanguage,
  options: HumanEvalXOptions = {},
): Dataset & SelftestControls {
  const id = `humaneval-x/${language}`;
  const file = humanEvalXFile(language);
  return defineDataset({
    id,
    version: `THUDM/CodeGeeX@${HUMANEVAL_X_COMMIT.slice(0, 7)}${options.exampleTest ? ' (example tests)' : ''}`,
    description: `HumanEval-X ${language}: the 164 HumanEval problems hand-translated by CodeGeeX (Zheng et al., 2023)`,
    languages: [HUMANEVAL_X_LANGUAGE_INFO[language].language],
    files: [file],
    async load(context) {
      const path = await resolveDataFile(file, context, options.path);
      const problems = parseHumanEvalXProblems(await readJsonl(path), path, id, language, {
        exampleTest: options.exampleTest,
      });
      return { problems, contentHash: await sha256File(path) };
    },
    buildProgram: buildHumanEvalXProgram,
    // With `exampleTest` the examples are already the tests: no separate visible tests.
    ...(options.exampleTest ? {} : { visibleTests: humanEvalXVisibleTests }),
    selftestControls(problem) {
      return [
        { name: 'empty completion', candidate: { code: '', kind: 'completion' } },
        {
          name: 'wrong answer',
          candidate: { code: humanEvalXWrongAnswer(language, problem), kind: 'completion' },
        },
      ];
    },
  });
}
