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
export * from './humaneval-x/index.ts';
export { createJsonlDataset } from './jsonl/jsonl-dataset.ts';
export {
  KNOWN_BROKEN_TASKS,
  type KnownBrokenTask,
  knownBrokenTask,
} from './known-broken.ts';
export {
  type SelftestControl,
  type SelftestControls,
  selftestControlsOf,
} from './selftest-controls.ts';
