import { PasskError, type Registry, UsageError } from '@passk/core';
import { createBuiltinRegistry } from './builtin-registry.ts';
import { compareCommand } from './commands/compare.ts';
import { datasetsCommand } from './commands/datasets.ts';
import { doctorCommand } from './commands/doctor.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { reportCommand } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import { selftestCommand } from './commands/selftest.ts';
import { showCommand } from './commands/show.ts';
import { workerCommand } from './commands/worker.ts';
import type { CommandHelp } from './help/command-help.ts';
import { COMPARE_HELP } from './help/compare-help.ts';
import { EVALUATE_HELP } from './help/evaluate-help.ts';
import { MCP_HELP } from './help/mcp-help.ts';
import { DATASETS_HELP, DOCTOR_HELP, REPORT_HELP, SHOW_HELP } from './help/other-help.ts';
import { renderHelp } from './help/render-help.ts';
import { RUN_HELP } from './help/run-help.ts';
import { SELFTEST_HELP } from './help/selftest-help.ts';
import { WORKER_HELP } from './help/worker-help.ts';
import type { Command, CommandIo } from './io.ts';
import { PASSK_VERSION } from './version.ts';

/** The subcommands, by name. */
export const COMMANDS: Readonly<
  Record<string, { readonly run: Command; readonly summary: string; readonly help: CommandHelp }>
> = {
  run: { run: runCommand, summary: 'generate samples with a model and score them', help: RUN_HELP },
  evaluate: {
    run: evaluateCommand,
    summary: 'score an existing samples file',
    help: EVALUATE_HELP,
  },
  report: { run: reportCommand, summary: "render a run's summary", help: REPORT_HELP },
  compare: {
    run: compareCommand,
    summary: 'compare two runs: paired differences, intervals, p-values',
    help: COMPARE_HELP,
  },
  datasets: { run: datasetsCommand, summary: 'list datasets', help: DATASETS_HELP },
  show: { run: showCommand, summary: 'print one problem', help: SHOW_HELP },
  doctor: {
    run: doctorCommand,
    summary: 'check toolchains, sandbox, data and cache',
    help: DOCTOR_HELP,
  },
  selftest: {
    run: selftestCommand,
    summary: "run a dataset's reference solutions and must-fail controls",
    help: SELFTEST_HELP,
  },
  mcp: {
    // Loaded with its command only: the MCP SDK is most of the CLI's start-up otherwise.
    run: async (argv, registry, io) =>
      (await import('./commands/mcp.ts')).mcpCommand(argv, registry, io),
    summary: 'serve passk to agents over MCP (stdio or Streamable HTTP)',
    help: MCP_HELP,
  },
  worker: {
    run: workerCommand,
    summary: 'execute the programs of --queue runs from Redis, in the local sandbox',
    help: WORKER_HELP,
  },
};

const HELP = `passk ${PASSK_VERSION}: evaluate code models with pass@k and confidence intervals

usage: passk <command> [options]

${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join('\n')}

Run 'passk <command> --help' for a command's options.
Exit codes: 0 success, 1 run failed or interrupted, 2 bad input or usage.
`;

/**
 * Runs the command line `argv` (without `node passk`). Returns the exit code; never throws.
 * User errors print `passk: <message>` to stderr and return 2.
 */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  registry: Registry = createBuiltinRegistry(),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${PASSK_VERSION}\n`);
    return 0;
  }
  try {
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command)
      throw new UsageError({
        message: `unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')}`,
      });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(renderHelp(name, command.help));
      return 0;
    }
    return await command.run(rest, registry, io);
  } catch (error) {
    if (PasskError.is(error) && error.isUserError) {
      io.stderr.write(`passk: ${error.message}\n`);
      return 2;
    }
    if (PasskError.is(error) && error.code === 'executor-broken') {
      io.stderr.write(`passk: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(
      `passk: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
