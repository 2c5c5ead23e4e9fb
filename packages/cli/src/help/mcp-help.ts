import type { CommandHelp } from './command-help.ts';

/** `passk mcp --help`. */
export const MCP_HELP: CommandHelp = {
  summary:
    'serve passk to agents over MCP: find problems, check programs in the sandbox, run evaluations',
  usage: ['passk mcp [options]'],
  groups: [
    {
      title: 'Transport',
      options: [
        {
          flag: '--http [HOST:]PORT',
          text: 'serve Streamable HTTP at /mcp (bearer token required)',
          default: 'stdio',
        },
        { flag: '-h, --help', text: 'this help' },
      ],
    },
    {
      title: 'Runs and execution',
      options: [
        { flag: '--runs-dir DIR', text: 'where start_run writes runs', default: 'runs' },
        { flag: '--max-runs N', text: 'runs executing at once (more wait, queued)', default: '1' },
        {
          flag: '--workers N',
          text: 'programs executed at once (check_solution; each run)',
          default: 'cores',
        },
        { flag: '--sandbox bwrap|none', text: 'how model code is isolated', default: 'bwrap' },
      ],
    },
  ],
  examples: [
    { comment: 'for an MCP client that starts the server (stdio)', command: 'passk mcp' },
    {
      comment: 'over HTTP on 127.0.0.1:8765, with your own token',
      command: 'PASSK_MCP_TOKEN=secret passk mcp --http 8765',
    },
  ],
};
