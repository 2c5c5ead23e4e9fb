import type { CommandHelp } from './command-help.ts';

const HELP_OPTION = { flag: '-h, --help', text: 'this help' } as const;
const JSON_OPTION = { flag: '--json', text: 'print JSON on stdout' } as const;

/** `passk report --help`. */
export const REPORT_HELP: CommandHelp = {
  summary:
    "render a run's summary and tables (recomputed from its results if the run was interrupted); several runs: a leaderboard with pairwise tests",
  usage: ['passk report <run-dir>... [options]'],
  groups: [
    {
      title: 'Output',
      options: [
        {
          flag: '--format table|markdown|json|csv|html',
          text: 'how to render it (html: a self-contained page)',
          default: 'table',
        },
        {
          flag: '--table NAME',
          text: 'the CSV table (one run: summary; several: leaderboard)',
        },
        { flag: '--output FILE', text: 'write to FILE instead of stdout' },
        HELP_OPTION,
      ],
    },
  ],
  examples: [
    {
      comment: 'a markdown table for a pull request',
      command: 'passk report runs/humaneval-gpt-4.1-mini-1a2b3c4d --format markdown',
    },
    {
      comment: 'a page to share: curve, slices, every problem and sample',
      command:
        'passk report runs/humaneval-gpt-4.1-mini-1a2b3c4d --format html --output report.html',
    },
    {
      comment: 'a leaderboard of several runs on one dataset, with pairwise significance',
      command: 'passk report runs/a runs/b runs/c --format html --output leaderboard.html',
    },
    {
      comment:
        'one table as CSV: summary, pass-at-k, curve, slices, first-pass, diversity, problems, leaderboard, pairwise',
      command: 'passk report runs/a --format csv --table problems',
    },
  ],
};

/** `passk datasets --help`. */
export const DATASETS_HELP: CommandHelp = {
  summary:
    'list the datasets with problem counts, languages, versions and whether their data is here',
  usage: ['passk datasets [--json]'],
  groups: [{ title: 'Output', options: [JSON_OPTION, HELP_OPTION] }],
  examples: [{ comment: 'every dataset', command: 'passk datasets' }],
};

/** `passk show --help`. */
export const SHOW_HELP: CommandHelp = {
  summary: 'print one problem: prompt, tests, entry point, reference solution and program',
  usage: ['passk show <dataset>/<task-id> [--json]', 'passk show <dataset> <task-id> [--json]'],
  groups: [{ title: 'Output', options: [JSON_OPTION, HELP_OPTION] }],
  examples: [
    { comment: 'a HumanEval problem', command: 'passk show humaneval/HumanEval/0' },
    {
      comment: 'a MultiPL-E problem in Lua',
      command: 'passk show multipl-e/lua/HumanEval_23_strlen',
    },
  ],
};

/** `passk doctor --help`. */
export const DOCTOR_HELP: CommandHelp = {
  summary: 'check toolchains, the sandbox, benchmark data and the cache',
  usage: ['passk doctor [--json]'],
  groups: [{ title: 'Output', options: [JSON_OPTION, HELP_OPTION] }],
  examples: [{ comment: 'what this machine can run', command: 'passk doctor' }],
};
