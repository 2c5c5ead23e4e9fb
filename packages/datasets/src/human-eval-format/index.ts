export { buildHumanEvalProgram, HUMAN_EVAL_TIMEOUT_MS } from './build-human-eval-program.ts';
export {
  CODEX_STOP_SEQUENCES,
  type HumanEvalRecord,
  parseHumanEvalProblems,
} from './parse-human-eval-problems.ts';
