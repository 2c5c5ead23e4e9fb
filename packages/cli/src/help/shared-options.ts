import type { HelpGroup, HelpOption } from './command-help.ts';

/** `--workers`, `--timeout-factor`, `--sandbox`, `--verdicts`, `--no-cache`: run and evaluate. */
export const EXECUTION_OPTIONS: readonly HelpOption[] = [
  {
    flag: '--workers N',
    text: 'programs run at once (--queue: jobs queued)',
    default: 'cores; 64',
  },
  { flag: '--queue URL', text: 'execute on passk workers via Redis (redis://, rediss://)' },
  { flag: '--timeout-factor F', text: 'multiply every time limit (0.1 to 100)', default: '1' },
  {
    flag: '--sandbox bwrap|none',
    text: 'isolation of model code (none: no sandbox)',
    default: 'bwrap',
  },
  {
    flag: '--verdicts strict|reference',
    text: "scored judgement: passk's, or the reference harness's",
    default: 'strict',
  },
  { flag: '--no-cache', text: 'do not reuse cached generations and executions' },
];

/** `-k`, `--out`, `--seed`, `--resamples`, `--json`: run and evaluate. */
export const OUTPUT_OPTIONS: readonly HelpOption[] = [
  { flag: '-k K,K', text: 'the k of pass@k', default: '1,10,100 up to n' },
  {
    flag: '--out DIR',
    text: 'run directory (the same command resumes it)',
    default: 'runs/<run-id>',
  },
  {
    flag: '--seed S',
    text: 'seed of the bootstrap and of sampling (sample i: S + i)',
    default: '0',
  },
  {
    flag: '--resamples N',
    text: 'bootstrap resamples of the confidence intervals',
    default: '2000',
  },
  { flag: '--json', text: 'print summary.json on stdout (progress goes to stderr)' },
  { flag: '-h, --help', text: 'this help' },
];

/** `--languages`: which languages (multipl-e, humaneval-x: one run over several). */
export const LANGUAGES_OPTION: HelpOption = {
  flag: '--languages A,B|all',
  text: 'only these languages (multipl-e, humaneval-x: one run, pass@k each)',
};

/** `--since`, `--until`: a window of problem dates (run and evaluate). */
export const DATE_WINDOW_OPTIONS: readonly HelpOption[] = [
  { flag: '--since YYYY-MM-DD', text: 'only problems dated on or after this day' },
  { flag: '--until YYYY-MM-DD', text: 'only problems dated on or before this day' },
];

/** `--languages`, `--limit`, `--tasks`: which problems. */
export const SELECTION_OPTIONS: readonly HelpOption[] = [
  LANGUAGES_OPTION,
  { flag: '--limit N', text: 'only the first N problems (of each language)' },
  { flag: '--tasks ID,ID', text: 'only these task ids (not with --limit)' },
];

/** The groups `run` and `evaluate` end with: how programs run, and what is written. */
export const SCORING_GROUPS: readonly HelpGroup[] = [
  { title: 'Execution', options: EXECUTION_OPTIONS },
  { title: 'Output', options: OUTPUT_OPTIONS },
];
