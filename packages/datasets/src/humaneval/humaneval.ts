import {
  type DataFileSpec,
  type Dataset,
  defineDataset,
  readJsonl,
  resolveDataFile,
  sha256File,
} from '@passk/core';
import { buildHumanEvalProgram } from '../human-eval-format/build-human-eval-program.ts';
import { parseHumanEvalProblems } from '../human-eval-format/parse-human-eval-problems.ts';
import { humanEvalVisibleTests } from '../visible-tests/python-visible-tests.ts';

/** OpenAI's HumanEval problem file (164 problems), as released in openai/human-eval. */
export const HUMANEVAL_FILE: DataFileSpec = {
  path: 'humaneval/HumanEval.jsonl.gz',
  url: 'https://github.com/openai/human-eval/raw/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz',
  sha256: 'b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef',
};

/** Options of `createHumanEvalDataset`. */
export interface HumanEvalOptions {
  /** Use this file instead of looking one up (its hash is still checked). */
  readonly path?: string;
}

/**
 * HumanEval, scored exactly as openai/human-eval does: program assembly, 3 s wall-clock
 * limit, in-process `exec` under its reliability guard.
 */
export function createHumanEvalDataset(options: HumanEvalOptions = {}): Dataset {
  return defineDataset({
    id: 'humaneval',
    version: 'openai/human-eval@6d43fb9',
    description: 'OpenAI HumanEval: 164 hand-written Python problems (Chen et al., 2021)',
    languages: ['python'],
    files: [HUMANEVAL_FILE],
    async load(context) {
      const path = await resolveDataFile(HUMANEVAL_FILE, context, options.path);
      const problems = parseHumanEvalProblems(await readJsonl(path), path, 'humaneval');
      return { problems, contentHash: await sha256File(path) };
    },
    buildProgram: buildHumanEvalProgram,
    visibleTests: humanEvalVisibleTests,
  });
}
