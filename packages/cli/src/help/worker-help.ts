import type { CommandHelp } from './command-help.ts';

/** `passk worker --help`. */
export const WORKER_HELP: CommandHelp = {
  summary: 'execute the programs of `--queue` runs from a Redis queue, in the local sandbox',
  usage: ['passk worker --queue redis://host:port [options]'],
  groups: [
    {
      title: 'Queue',
      options: [
        {
          flag: '--queue URL',
          text: 'redis://[user:password@]host[:port][/db], rediss:// for TLS; required',
        },
        {
          flag: '--languages a,b',
          text: 'serve only these languages',
          default: 'all with a toolchain',
        },
        {
          flag: '--stall-timeout S',
          text: "seconds before a killed worker's job goes to another",
          default: '30',
        },
      ],
    },
    {
      title: 'Execution',
      options: [
        {
          flag: '--concurrency N',
          text: 'programs executed at once',
          default: 'the number of cores',
        },
        {
          flag: '--sandbox bwrap|none',
          text: 'isolation of model code (runs of this mode only)',
          default: 'bwrap',
        },
        { flag: '-h, --help', text: 'this help' },
      ],
    },
  ],
  examples: [
    {
      comment: 'on each machine (stops cleanly on Ctrl-C or SIGTERM)',
      command: 'passk worker --queue rediss://passk:secret@queue.example.org:6380 --concurrency 16',
    },
    {
      comment: 'then, anywhere: the run puts its executions on the queue',
      command:
        'passk evaluate samples.jsonl --dataset humaneval --queue rediss://passk:secret@queue.example.org:6380',
    },
  ],
};
