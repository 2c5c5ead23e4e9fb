import {
  type Dataset,
  defineDataset,
  readJsonl,
  resolveDataFile,
  sha256File,
  UnknownIdError,
} from '@passk/core';
import { multiplEVisibleTests } from '../visible-tests/multipl-e-visible-tests.ts';
import { buildMultiplEProgram } from './build-multipl-e-program.ts';
import {
  findMultiplELanguage,
  MULTIPL_E_LANGUAGES,
  type MultiplELanguage,
} from './multipl-e-languages.ts';
import { parseMultiplEProblems } from './parse-multipl-e-problems.ts';

/** Options of {@link createMultiplEDataset}. */
export interface MultiplEOptions {
  /** Use this problem file instead of looking one up (its hash is still checked). */
  readonly path?: string;
}

/** Version recorded for every `multipl-e/<code>` dataset. */
export const MULTIPL_E_VERSION = 'humaneval-reworded@deepseek-coder-2f9fd85';

/**
 * `multipl-e/<code>`: MultiPL-E's HumanEval translation into one language (`code` is
 * MultiPL-E's: `lua`, `rkt`, `cs` …, or a passk language id or alias such as `racket`),
 * scored as MultiPL-E's evaluator does: program `prompt + completion + "\n" + tests`, the
 * language's `multipl-e` judge, MultiPL-E's time limits.
 *
 * @throws UnknownIdError for a language MultiPL-E's HumanEval does not have.
 */
export function createMultiplEDataset(code: string, options: MultiplEOptions = {}): Dataset {
  const language = findMultiplELanguage(code) ?? byLanguageId(code);
  if (language === undefined) {
    throw new UnknownIdError({
      kind: 'MultiPL-E language',
      requested: code,
      known: MULTIPL_E_LANGUAGES.map((entry) => entry.code),
    });
  }
  const id = `multipl-e/${language.code}`;
  return defineDataset({
    id,
    version:
      language.code === 'py' ? 'humaneval-reworded@qwen2.5-coder-d5ead97' : MULTIPL_E_VERSION,
    description: `MultiPL-E HumanEval in ${language.code} (reworded; Cassano et al., 2023)`,
    languages: [language.languageId],
    files: [language.file],
    async load(context) {
      const path = await resolveDataFile(language.file, context, options.path);
      const problems = parseMultiplEProblems(
        await readJsonl(path),
        path,
        id,
        language,
        (name) => findMultiplELanguage(name)?.code,
      );
      return { problems, contentHash: await sha256File(path) };
    },
    buildProgram: (problem, candidate) => buildMultiplEProgram(language, problem, candidate),
    visibleTests: multiplEVisibleTests,
  });
}

function byLanguageId(id: string): MultiplELanguage | undefined {
  return MULTIPL_E_LANGUAGES.find((entry) => entry.languageId === id);
}
