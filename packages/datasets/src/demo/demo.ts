import { fileURLToPath } from 'node:url';
import { type Dataset, defineDataset, readJsonl, sha256File } from '@passk/core';
import { buildHumanEvalProgram } from '../human-eval-format/build-human-eval-program.ts';
import { parseHumanEvalProblems } from '../human-eval-format/parse-human-eval-problems.ts';
import { humanEvalVisibleTests } from '../visible-tests/python-visible-tests.ts';

/** Path of the bundled demo problems (written for passk; ships in the package). */
export const DEMO_PROBLEMS_PATH = fileURLToPath(
  new URL('../../data/demo/problems.jsonl', import.meta.url),
);

/** Path of the bundled demo samples: a simulated model's answers, 10 per problem. */
export const DEMO_SAMPLES_PATH = fileURLToPath(
  new URL('../../data/demo/samples.jsonl', import.meta.url),
);

/**
 * Path of the demo agent's recorded conversations: 10 attempts per problem with run_tests,
 * run_code and submit (`passk run --dataset demo --model demo --agent`; written by
 * scripts/record-demo-agent.ts from samples.jsonl).
 */
export const DEMO_AGENT_PATH = fileURLToPath(
  new URL('../../data/demo/agent-attempts.jsonl', import.meta.url),
);

/**
 * The demo benchmark: original Python problems in human-eval format, bundled with passk so
 * everything works offline on a fresh clone. Judged exactly like HumanEval.
 */
export function createDemoDataset(): Dataset {
  return defineDataset({
    id: 'demo',
    version: '1',
    description:
      'passk demo: 36 original Python problems bundled for offline use (human-eval format and rules)',
    languages: ['python'],
    files: [],
    async load() {
      const problems = parseHumanEvalProblems(
        await readJsonl(DEMO_PROBLEMS_PATH),
        DEMO_PROBLEMS_PATH,
        'demo',
      );
      return { problems, contentHash: await sha256File(DEMO_PROBLEMS_PATH) };
    },
    buildProgram: buildHumanEvalProgram,
    visibleTests: humanEvalVisibleTests,
  });
}
