import { type Dataset, UnknownIdError } from '@passk/core';
import { createHumanEvalXDataset } from '../humaneval-x/humaneval-x.ts';
import { HUMANEVAL_X_COMMIT, HUMANEVAL_X_LANGUAGES } from '../humaneval-x/humaneval-x-files.ts';
import { HUMANEVAL_X_LANGUAGE_INFO } from '../humaneval-x/humaneval-x-languages.ts';
import { createMultiplEDataset, MULTIPL_E_VERSION } from '../multipl-e/multipl-e.ts';
import { findMultiplELanguage, MULTIPL_E_LANGUAGES } from '../multipl-e/multipl-e-languages.ts';
import type { SelftestControls } from '../selftest-controls.ts';
import { createMultiLanguageDataset } from './create-multi-language-dataset.ts';

/** Options of the multi-language datasets. */
export interface MultiLanguageSelection {
  /**
   * The languages to load: passk language ids (`racket`) or the benchmark's codes (`rkt`);
   * default all. Listed in the benchmark's order whatever the order given.
   */
  readonly languages?: readonly string[];
}

/**
 * `multipl-e`: MultiPL-E's HumanEval in several languages as one dataset (each language as
 * `multipl-e/<code>` scores it). Task ids are MultiPL-E's (`HumanEval_0_has_close_elements`,
 * the same in every language); a problem is identified by task id and language.
 *
 * @throws UnknownIdError for a language MultiPL-E's HumanEval does not have.
 */
export function createMultiplEMultiLanguageDataset(
  selection: MultiLanguageSelection = {},
): Dataset {
  const wanted = selection.languages?.map((name) => {
    const language =
      findMultiplELanguage(name) ?? MULTIPL_E_LANGUAGES.find((entry) => entry.languageId === name);
    if (!language) {
      throw new UnknownIdError({
        kind: 'MultiPL-E language',
        requested: name,
        known: MULTIPL_E_LANGUAGES.map((entry) => `${entry.code} (${entry.languageId})`),
      });
    }
    return language.code;
  });
  const codes = MULTIPL_E_LANGUAGES.map((entry) => entry.code).filter(
    (code) => wanted === undefined || wanted.includes(code),
  );
  return createMultiLanguageDataset({
    id: 'multipl-e',
    version: codes.includes('py')
      ? `${MULTIPL_E_VERSION} (py: humaneval-reworded@qwen2.5-coder-d5ead97)`
      : MULTIPL_E_VERSION,
    description: `MultiPL-E HumanEval in ${codes.join(', ')} (one run, one summary)`,
    parts: codes.map((code) => createMultiplEDataset(code)),
  });
}

/**
 * `humaneval-x`: HumanEval-X in several languages as one dataset (each language as
 * `humaneval-x/<language>` scores it). Task ids are HumanEval-X's (`CPP/0`, `Python/0`).
 *
 * @throws UnknownIdError for a language HumanEval-X does not have.
 */
export function createHumanEvalXMultiLanguageDataset(
  selection: MultiLanguageSelection = {},
): Dataset & Partial<SelftestControls> {
  const wanted = selection.languages?.map((name) => {
    const language = HUMANEVAL_X_LANGUAGES.find(
      (entry) => entry === name || HUMANEVAL_X_LANGUAGE_INFO[entry].language === name,
    );
    if (!language) {
      throw new UnknownIdError({
        kind: 'HumanEval-X language',
        requested: name,
        known: HUMANEVAL_X_LANGUAGES.map(
          (entry) => `${entry} (${HUMANEVAL_X_LANGUAGE_INFO[entry].language})`,
        ),
      });
    }
    return language;
  });
  const languages = HUMANEVAL_X_LANGUAGES.filter(
    (language) => wanted === undefined || wanted.includes(language),
  );
  return createMultiLanguageDataset({
    id: 'humaneval-x',
    version: `THUDM/CodeGeeX@${HUMANEVAL_X_COMMIT.slice(0, 7)}`,
    description: `HumanEval-X in ${languages.join(', ')} (one run, one summary)`,
    parts: languages.map((language) => createHumanEvalXDataset(language)),
  });
}
