export {
  buildHumanEvalXProgram,
  goExtraImports,
  HUMANEVAL_X_CPP_INCLUDES,
  HUMANEVAL_X_GO_PACKAGES,
  HUMANEVAL_X_PYTHON_IMPORTS,
  HUMANEVAL_X_TIMEOUT_MS,
  truncatePythonGeneration,
} from './build-humaneval-x-program.ts';
export { createHumanEvalXDataset, type HumanEvalXOptions } from './humaneval-x.ts';
export {
  HUMANEVAL_X_COMMIT,
  HUMANEVAL_X_LANGUAGES,
  type HumanEvalXLanguage,
  humanEvalXFile,
} from './humaneval-x-files.ts';
export {
  HUMANEVAL_X_LANGUAGE_INFO,
  type HumanEvalXLanguageInfo,
} from './humaneval-x-languages.ts';
export { humanEvalXWrongAnswer } from './humaneval-x-wrong-answer.ts';
export {
  type HumanEvalXMetadata,
  type HumanEvalXRecord,
  parseHumanEvalXProblems,
} from './parse-humaneval-x-problems.ts';
