import type { CommandHelp } from './command-help.ts';
import { SELECTION_OPTIONS } from './shared-options.ts';

/** `passk selftest --help`. */
export const SELFTEST_HELP: CommandHelp = {
  summary: "run a dataset's reference solutions (must pass) and must-fail controls (must fail)",
  usage: ['passk selftest --dataset <id> [options]'],
  groups: [
    {
      title: 'What to check',
      options: [
        { flag: '--dataset ID', text: 'the benchmark to check; required' },
        ...SELECTION_OPTIONS,
      ],
    },
    {
      title: 'Execution',
      options: [
        { flag: '--workers N', text: 'programs executed at once', default: 'the number of cores' },
        {
          flag: '--timeout-factor F',
          text: 'multiply every time limit (0.1 to 100)',
          default: '1',
        },
      ],
    },
    {
      title: 'Output',
      options: [
        { flag: '--json', text: 'print the checks as JSON on stdout' },
        { flag: '-h, --help', text: 'this help' },
      ],
    },
  ],
  examples: [
    {
      comment: 'every HumanEval reference solution must pass',
      command: 'passk selftest --dataset humaneval',
    },
    {
      comment: 'two languages of HumanEval-X, first 20 problems',
      command: 'passk selftest --dataset humaneval-x --languages cpp,go --limit 20',
    },
  ],
};
