import type { Candidate, Problem, Program } from '@passk/core';
import { assemblyRule } from '../assembly/assembly-rules.ts';
import { fitAnswer } from '../assembly/fit-answer.ts';
import type { MultiplELanguage } from './multipl-e-languages.ts';

/** The verdict rule of MultiPL-E programs (`Program.judge`; Python's is `script`). */
export const MULTIPL_E_JUDGE = 'multipl-e';

/**
 * The program MultiPL-E's evaluator runs (`evaluation/src/main.py`): `prompt + completion +
 * "\n" + tests`, unstripped, in one file `main<suffix>` (MultiPL-E writes a temporary file with
 * the language's suffix). A whole `solution` and a body from a chat answer are fitted to the
 * prompt and tests by `fitAnswer` (the tests stay untouched). The time limit is MultiPL-E's
 * limit of the run step; the language adds its build step and limit.
 */
export function buildMultiplEProgram(
  language: MultiplELanguage,
  problem: Problem,
  candidate: Candidate,
): Program {
  const code = fitAnswer(
    {
      rule: assemblyRule(language.languageId),
      prompt: problem.prompt,
      tests: problem.tests,
      entryPoint: problem.entryPoint,
    },
    candidate,
  );
  const mainFile = `main${language.fileSuffix}`;
  return {
    language: language.languageId,
    files: [{ path: mainFile, contents: `${code}\n${problem.tests}` }],
    mainFile,
    judge: language.judge,
    timeoutMs: language.runTimeoutMs,
  };
}
