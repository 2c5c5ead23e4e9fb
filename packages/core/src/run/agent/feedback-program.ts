import type { Language } from '../../spec/language.ts';
import type { Program } from '../../spec/program.ts';

/**
 * `program` as a feedback run (an agent's `run_tests`) judges it: under the language's
 * feedback rule for its judge (`Language.feedbackJudges`), else unchanged. Scores never take
 * this path.
 */
export function feedbackProgram(language: Language, program: Program): Program {
  const judge = language.feedbackJudges?.[program.judge];
  return judge === undefined ? program : { ...program, judge };
}
