export { createDemoDataset, DEMO_PROBLEMS_PATH, DEMO_SAMPLES_PATH } from './demo/demo.ts';
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
export { createJsonlDataset } from './jsonl/jsonl-dataset.ts';
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
