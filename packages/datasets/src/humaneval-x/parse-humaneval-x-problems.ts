import { createValidator, InvalidInputError, type JsonlLine, type Problem } from '@passk/core';
import type { HumanEvalXLanguage } from './humaneval-x-files.ts';
import { HUMANEVAL_X_LANGUAGE_INFO } from './humaneval-x-languages.ts';

/** A problem record of HumanEval-X (CodeGeeX's `humaneval_<lang>.jsonl.gz`). */
export interface HumanEvalXRecord {
  readonly task_id: string;
  /** Declaration and docstring given to the model (Rust: the docstring only). */
  readonly prompt: string;
  /** The signature alone (Rust: also the `use` lines). */
  readonly declaration: string;
  readonly canonical_solution: string;
  /** Hidden tests, appended after the solution. */
  readonly test: string;
  /** Tests from the docstring examples (`"None"` for Rust). */
  readonly example_test?: string | null;
  /** Go: the prompt's `import (...)` block, removed before the program is assembled. */
  readonly import?: string;
  /** Go: `package main` and the test's imports. */
  readonly test_setup?: string;
}

/** What `buildHumanEvalXProgram` needs besides the prompt and tests, kept in `Problem.metadata`. */
export interface HumanEvalXMetadata {
  /** The HumanEval-X language of the problem. */
  readonly humanEvalXLanguage: HumanEvalXLanguage;
  /** Go: the import block to remove from the prompt. */
  readonly goImport?: string;
  /** Go: the test file's preamble. */
  readonly goTestSetup?: string;
  /** The record's `example_test`, when it has one. */
  readonly exampleTest?: string;
}

const validateRecord = createValidator<HumanEvalXRecord>({
  type: 'object',
  required: ['task_id', 'prompt', 'declaration', 'canonical_solution', 'test'],
  properties: {
    task_id: { type: 'string', minLength: 1 },
    prompt: { type: 'string' },
    declaration: { type: 'string' },
    canonical_solution: { type: 'string' },
    test: { type: 'string' },
    example_test: { type: ['string', 'null'] },
    import: { type: 'string' },
    test_setup: { type: 'string' },
    docstring: { type: 'string' },
    text: { type: 'string' },
  },
});

/** The name of the function under test, read from a record's declaration. */
function entryPointOf(language: HumanEvalXLanguage, declaration: string): string {
  const patterns: Record<HumanEvalXLanguage, RegExp> = {
    python: /def\s+(\w+)\s*\(/g,
    cpp: /(\w+)\s*\([^()]*\)\s*\{/g,
    java: /public\s+[\w<>,\s[\]?]+?\s(\w+)\s*\(/g,
    js: /const\s+(\w+)\s*=/g,
    go: /func\s+(\w+)\s*\(/g,
    rust: /fn\s+(\w+)\s*[(<]/g,
  };
  const matches = [...declaration.matchAll(patterns[language])];
  return matches.at(-1)?.[1] ?? '';
}

/**
 * Validates HumanEval-X records of `language` and turns them into problems. The prompt is
 * what the model continues: the record's prompt, except for Rust, whose program puts the
 * `use` lines and signature (`declaration`) before the docstring (`prompt`), so the model sees
 * both. `options.exampleTest` uses the docstring examples as the tests (when a record has them).
 *
 * @throws InvalidInputError naming file, line and field for a bad record, a task id of
 * another language, or a duplicate.
 */
export function parseHumanEvalXProblems(
  lines: readonly JsonlLine[],
  file: string,
  datasetId: string,
  language: HumanEvalXLanguage,
  options: { readonly exampleTest?: boolean } = {},
): Problem[] {
  const info = HUMANEVAL_X_LANGUAGE_INFO[language];
  const seen = new Map<string, number>();
  return lines.map(({ line, value }) => {
    const record = validateRecord(value, { file, line });
    const fail = (reason: string, path = '/task_id') =>
      new InvalidInputError({ reason, location: { file, line, path } });
    if (!record.task_id.startsWith(`${info.taskPrefix}/`)) {
      throw fail(`task_id '${record.task_id}' is not a ${info.taskPrefix}/<n> id`);
    }
    const first = seen.get(record.task_id);
    if (first !== undefined) {
      throw fail(`duplicate task_id '${record.task_id}' (first on line ${first})`);
    }
    seen.set(record.task_id, line);
    if (language === 'go' && (record.import === undefined || record.test_setup === undefined)) {
      throw fail('a Go record needs `import` and `test_setup`', '/test_setup');
    }
    // Rust records hold the string "None" (a Python None written as text): no example tests.
    const exampleTest =
      typeof record.example_test === 'string' &&
      record.example_test !== '' &&
      record.example_test !== 'None'
        ? record.example_test
        : undefined;
    const metadata: HumanEvalXMetadata = {
      humanEvalXLanguage: language,
      ...(record.import === undefined ? {} : { goImport: record.import }),
      ...(record.test_setup === undefined ? {} : { goTestSetup: record.test_setup }),
      ...(exampleTest === undefined ? {} : { exampleTest }),
    };
    return {
      id: record.task_id,
      datasetId,
      language: info.language,
      prompt: language === 'rust' ? record.declaration + record.prompt : record.prompt,
      entryPoint: entryPointOf(language, record.declaration),
      tests: options.exampleTest === true && exampleTest !== undefined ? exampleTest : record.test,
      stopSequences: info.stopSequences,
      referenceCompletion: record.canonical_solution,
      metadata: { ...metadata },
    };
  });
}
