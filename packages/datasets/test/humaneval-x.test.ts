import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { defaultDataContext, type Problem } from '@passk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  goExtraImports,
  HUMANEVAL_X_CPP_INCLUDES,
  HUMANEVAL_X_PYTHON_IMPORTS,
} from '../src/humaneval-x/build-humaneval-x-program.ts';
import { createHumanEvalXDataset } from '../src/humaneval-x/humaneval-x.ts';
import {
  HUMANEVAL_X_LANGUAGES,
  type HumanEvalXLanguage,
} from '../src/humaneval-x/humaneval-x-files.ts';
import { parseHumanEvalXProblems } from '../src/humaneval-x/parse-humaneval-x-problems.ts';
import { KNOWN_BROKEN_TASKS } from '../src/known-broken.ts';
import { selftestControlsOf } from '../src/selftest-controls.ts';

const DATA_DIR =
  process.env.PASSK_DATA_DIR ??
  fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));
const context = { ...defaultDataContext({}), dataDir: DATA_DIR, allowDownload: false };

/** The raw records, read without passk's loader. */
function records(language: HumanEvalXLanguage): Record<string, unknown>[] {
  const bytes = gunzipSync(
    readFileSync(join(DATA_DIR, `humaneval-x/humaneval_${language}.jsonl.gz`)),
  );
  return bytes
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const problems = new Map<HumanEvalXLanguage, Problem[]>();
beforeAll(async () => {
  for (const language of HUMANEVAL_X_LANGUAGES) {
    problems.set(language, [...(await createHumanEvalXDataset(language).load(context)).problems]);
  }
});
const first = (language: HumanEvalXLanguage, index = 0): Problem =>
  problems.get(language)?.[index] as Problem;
const completion = (code: string) => ({ code, kind: 'completion' as const });

describe('HumanEval-X datasets', () => {
  it('load 164 problems per language with ids, languages and entry points', () => {
    const expected: Record<HumanEvalXLanguage, [string, string, string]> = {
      cpp: ['CPP/0', 'cpp', 'has_close_elements'],
      go: ['Go/0', 'go', 'HasCloseElements'],
      java: ['Java/0', 'java', 'hasCloseElements'],
      js: ['JavaScript/0', 'javascript', 'hasCloseElements'],
      python: ['Python/0', 'python', 'has_close_elements'],
      rust: ['Rust/0', 'rust', 'has_close_elements'],
    };
    for (const language of HUMANEVAL_X_LANGUAGES) {
      const loaded = problems.get(language) ?? [];
      expect(loaded).toHaveLength(164);
      const problem = loaded[0] as Problem;
      expect([problem.id, problem.language, problem.entryPoint]).toEqual(expected[language]);
      expect(problem.datasetId).toBe(`humaneval-x/${language}`);
      for (const each of loaded) {
        expect(each.entryPoint.length, each.id).toBeGreaterThan(0);
        expect(each.prompt, each.id).toContain(each.entryPoint);
        expect(each.referenceCompletion, each.id).toBeDefined();
      }
    }
  });

  it('describe themselves for `passk datasets`', () => {
    const dataset = createHumanEvalXDataset('cpp');
    expect([dataset.id, dataset.languages, dataset.version]).toEqual([
      'humaneval-x/cpp',
      ['cpp'],
      'THUDM/CodeGeeX@2838420',
    ]);
    expect(dataset.files[0]?.url).toMatch(
      /^https:\/\/github\.com\/THUDM\/CodeGeeX\/raw\/2838420b7b\w+\/codegeex\/benchmark\/humaneval-x\/cpp\/data\/humaneval_cpp\.jsonl\.gz$/,
    );
  });

  it('python: the 16 imports, the generation cut at its first unindented line, the test', () => {
    const problem = first('python');
    const program = createHumanEvalXDataset('python').buildProgram(
      problem,
      completion('    return True\n\nprint("debug")\ndef later():\n    pass\n'),
    );
    expect(HUMANEVAL_X_PYTHON_IMPORTS).toHaveLength(16);
    expect(program.files[0]?.contents).toBe(
      `${HUMANEVAL_X_PYTHON_IMPORTS.join('\n')}\n${problem.prompt}    return True\n\n${problem.tests}\n`,
    );
    expect([program.mainFile, program.judge, program.timeoutMs, program.language]).toEqual([
      'test.py',
      'humaneval-x',
      5000,
      'python',
    ]);
  });

  it('cpp: the standard includes the prompt lacks, judged by the prompt only', () => {
    const problem = first('cpp');
    const code = '#include<climits>\n    return false;\n}\n';
    const program = createHumanEvalXDataset('cpp').buildProgram(problem, completion(code));
    const missing = HUMANEVAL_X_CPP_INCLUDES.filter((line) => !problem.prompt.includes(line));
    expect(missing).toEqual([
      '#include<stdlib.h>',
      '#include<algorithm>',
      '#include<string>',
      '#include<climits>',
      '#include<cstring>',
      '#include<iostream>',
    ]);
    expect(program.files[0]?.contents).toBe(
      `${missing.map((line) => `${line}\n`).join('')}\n${problem.prompt}${code}\n${problem.tests}`,
    );
  });

  it('java and js: prompt + generation + "\\n" + test', () => {
    for (const language of ['java', 'js'] as const) {
      const problem = first(language);
      const program = createHumanEvalXDataset(language).buildProgram(problem, completion('X'));
      expect(program.files[0]?.contents).toBe(`${problem.prompt}X\n${problem.tests}`);
    }
    expect(
      createHumanEvalXDataset('java').buildProgram(first('java'), completion('')).mainFile,
    ).toBe('Main.java');
  });

  it("go: test_setup, CodeGeeX's import fix-up, the prompt without its import block", () => {
    const raw = records('go')[0] as Record<string, string>;
    const problem = first('go');
    expect(problem.prompt).toBe(raw.prompt);
    const code = '    return math.Abs(1) > 0 && strings.Contains("a", "a")\n}\n';
    const program = createHumanEvalXDataset('go').buildProgram(problem, completion(code));
    expect(program.files[0]?.contents).toBe(
      `${raw.test_setup}\nimport (\n"math"\n    "strings"\n)\n${(raw.prompt as string).replace(raw.import as string, '')}${code}\n${raw.test}`,
    );
    // CodeGeeX checks package names as substrings of test_setup: "math" is in "math/rand".
    expect(goExtraImports('import (\n    "math/rand"\n)', 'math.Abs(1); rand.Int()')).toBe('');
    expect(goExtraImports('import (\n    "testing"\n)', 'fmt.Println(1)')).toBe(
      'import (\n"fmt"\n)',
    );
    expect(goExtraImports('', 'return 1')).toBe('');
  });

  it('rust: fn main, declaration, docstring, generation, test (no separators)', () => {
    const raw = records('rust')[0] as Record<string, string>;
    const problem = first('rust');
    expect(problem.prompt).toBe(`${raw.declaration}${raw.prompt}`);
    const program = createHumanEvalXDataset('rust').buildProgram(problem, completion('BODY'));
    expect(program.files[0]?.contents).toBe(
      `\nfn main(){ \n } \n${raw.declaration}${raw.prompt}BODY${raw.test}`,
    );
  });

  it('a whole-program solution replaces prompt + generation', () => {
    const problem = first('js');
    const program = createHumanEvalXDataset('js').buildProgram(problem, {
      code: 'const f = () => 1;',
      kind: 'solution',
    });
    expect(program.files[0]?.contents).toBe(`const f = () => 1;\n${problem.tests}`);
  });

  it('example_test replaces the hidden tests when asked for (Rust records have the string "None")', async () => {
    const { problems: examples } = await createHumanEvalXDataset('cpp', { exampleTest: true }).load(
      context,
    );
    expect(examples[0]?.tests).toBe((records('cpp')[0] as Record<string, string>).example_test);
    const { problems: rust } = await createHumanEvalXDataset('rust', { exampleTest: true }).load(
      context,
    );
    expect(rust[0]?.tests).toBe(first('rust').tests);
  });

  it('rejects records that are not HumanEval-X, naming file, line and field', () => {
    const good = records('cpp')[0] as Record<string, unknown>;
    expect(() =>
      parseHumanEvalXProblems(
        [{ line: 7, value: { ...good, task_id: 'Go/0' } }],
        'x.jsonl',
        'd',
        'cpp',
      ),
    ).toThrow(/x\.jsonl, line 7, at \/task_id: .*not a CPP\/<n> id/);
    expect(() =>
      parseHumanEvalXProblems(
        [
          { line: 1, value: good },
          { line: 2, value: good },
        ],
        'x.jsonl',
        'd',
        'cpp',
      ),
    ).toThrow(/x\.jsonl, line 2, at \/task_id: duplicate task_id 'CPP\/0' \(first on line 1\)/);
    const { test: _test, ...noTest } = good;
    expect(() =>
      parseHumanEvalXProblems([{ line: 3, value: noTest }], 'x.jsonl', 'd', 'cpp'),
    ).toThrow(/x\.jsonl, line 3/);
  });

  it('offers an empty completion and a wrong answer as selftest controls', () => {
    const dataset = createHumanEvalXDataset('go');
    const controls = selftestControlsOf(dataset)?.selftestControls(first('go')) ?? [];
    expect(controls.map((control) => control.name)).toEqual(['empty completion', 'wrong answer']);
    expect(controls[1]?.candidate.code).toBe('    return *new(bool)\n}\n');
    const java = selftestControlsOf(createHumanEvalXDataset('java'))?.selftestControls(
      first('java'),
    );
    expect(java?.[1]?.candidate.code).toBe('        return false;\n    }\n}\n');
  });
});

describe('the known-broken list', () => {
  it('names real HumanEval-X tasks, sorted, each with a reason and a source', () => {
    const keys = KNOWN_BROKEN_TASKS.map((entry) => `${entry.dataset} ${entry.taskId}`);
    expect(keys).toEqual([...keys].sort());
    for (const entry of KNOWN_BROKEN_TASKS) {
      expect(entry.reason.length).toBeGreaterThan(40);
      expect(entry.source.length).toBeGreaterThan(10);
      const language = entry.dataset.replace('humaneval-x/', '') as HumanEvalXLanguage;
      if (!entry.dataset.startsWith('humaneval-x/')) continue;
      expect(problems.get(language)?.some((problem) => problem.id === entry.taskId)).toBe(true);
    }
  });
});
