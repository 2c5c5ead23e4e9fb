import type { CommandHelp } from './command-help.ts';

/** `passk compare --help`. */
export const COMPARE_HELP: CommandHelp = {
  summary:
    'compare two runs on the problems both scored: paired differences of pass@k with intervals, p-values and flipped problems',
  usage: ['passk compare <run-a> <run-b> [options]'],
  groups: [
    {
      title: 'Statistics',
      options: [
        { flag: '--seed N', text: 'seed of the bootstrap and the sign flips', default: '0' },
        { flag: '--resamples N', text: 'paired bootstrap replicates per k', default: '2000' },
        {
          flag: '--permutations N',
          text: 'random sign flips per k (sign-flip test)',
          default: '10000',
        },
      ],
    },
    {
      title: 'Output',
      options: [
        {
          flag: '--format table|markdown|html',
          text: 'how to render it (html: a self-contained page)',
          default: 'table',
        },
        { flag: '--output FILE', text: 'write to FILE instead of stdout' },
        { flag: '--json', text: 'print the comparison as JSON on stdout' },
        { flag: '-h, --help', text: 'this help' },
      ],
    },
  ],
  examples: [
    {
      comment: 'is run a better than run b? (differences are a - b, in points)',
      command: 'passk compare runs/humaneval-model-a runs/humaneval-model-b',
    },
    {
      comment: 'the comparison as a page to share',
      command: 'passk compare runs/a runs/b --format html --output compare.html',
    },
    {
      comment: 'the figures for a script: k -> difference, ci_low, ci_high, p_value, p_adjusted',
      command: 'passk compare runs/a runs/b --json',
    },
  ],
};
