export {
  createDemoDataset,
  DEMO_AGENT_PATH,
  DEMO_PROBLEMS_PATH,
  DEMO_SAMPLES_PATH,
} from './demo/demo.ts';
export {
  createEvalPlusDataset,
  EVALPLUS_BASE_STOP_SEQUENCES,
  EVALPLUS_GT_TIME_LIMIT_FACTOR,
  EVALPLUS_MIN_TIME_LIMIT_MS,
  EVALPLUS_PROGRAM_TIMEOUT_MS,
  type EvalPlusDatasetDefinition,
  type EvalPlusDatasetOptions,
  type EvalPlusProblemMetadata,
} from './evalplus/create-evalplus-dataset.ts';
export { parsePythonJson } from './evalplus/parse-python-json.ts';
export {
  buildHumanEvalProgram,
  CODEX_STOP_SEQUENCES,
  HUMAN_EVAL_TIMEOUT_MS,
  type HumanEvalRecord,
  parseHumanEvalProblems,
} from './human-eval-format/index.ts';
export {
  createHumanEvalDataset,
  HUMANEVAL_FILE,
  type HumanEvalOptions,
} from './humaneval/humaneval.ts';
export {
  createHumanEvalPlusDataset,
  HUMANEVAL_PLUS_FILES,
  type HumanEvalPlusOptions,
  type HumanEvalPlusVariant,
} from './humaneval-plus/humaneval-plus.ts';
export {
  buildHumanEvalXProgram,
  createHumanEvalXDataset,
  goExtraImports,
  HUMANEVAL_X_COMMIT,
  HUMANEVAL_X_CPP_INCLUDES,
  HUMANEVAL_X_GO_PACKAGES,
  HUMANEVAL_X_LANGUAGE_INFO,
  HUMANEVAL_X_LANGUAGES,
  HUMANEVAL_X_PYTHON_IMPORTS,
  HUMANEVAL_X_TIMEOUT_MS,
  type HumanEvalXLanguage,
  type HumanEvalXLanguageInfo,
  type HumanEvalXMetadata,
  type HumanEvalXOptions,
  type HumanEvalXRecord,
  humanEvalXFile,
  humanEvalXWrongAnswer,
  parseHumanEvalXProblems,
  truncatePythonGeneration,
} from './humaneval-x/index.ts';
export { createJsonlDataset } from './jsonl/jsonl-dataset.ts';
export { KNOWN_BROKEN_TASKS, type KnownBrokenTask, knownBrokenTask } from './known-broken.ts';
export {
  createMbppDataset,
  MBPP_FILE,
  MBPP_STOP_SEQUENCES,
  MBPP_TIMEOUT_MS,
  type MbppOptions,
} from './mbpp/mbpp.ts';
export {
  createMbppPlusDataset,
  MBPP_PLUS_FILES,
  type MbppPlusOptions,
  type MbppPlusVariant,
} from './mbpp-plus/mbpp-plus.ts';
export {
  createHumanEvalXMultiLanguageDataset,
  createMultiLanguageDataset,
  createMultiplEMultiLanguageDataset,
  type MultiLanguageDatasetOptions,
  type MultiLanguageSelection,
} from './multi-language/index.ts';
export {
  buildMultiplEProgram,
  createMultiplEDataset,
  findMultiplELanguage,
  MULTIPL_E_JUDGE,
  MULTIPL_E_LANGUAGES,
  MULTIPL_E_VERSION,
  type MultiplELanguage,
  type MultiplEOptions,
  type MultiplERecord,
  multiplEEntryPoint,
  parseMultiplEProblems,
} from './multipl-e/index.ts';
export {
  type SelftestControl,
  type SelftestControls,
  selftestControlsOf,
} from './selftest-controls.ts';
export {
  failedVisibleExample,
  humanEvalVisibleTests,
  humanEvalXVisibleTests,
  MULTIPL_E_VISIBLE_TEST_LANGUAGES,
  mbppVisibleTests,
  multiplEExamples,
  multiplEVisibleTests,
  pythonDocstringExamples,
  type VisibleExample,
  type VisibleTestSet,
  type VisibleTests,
  visibleTestsOf,
} from './visible-tests/index.ts';
