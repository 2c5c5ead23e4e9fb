import { availableParallelism } from 'node:os';
import {
  createLocalExecutor,
  defaultDataContext,
  type Registry,
  type ToolchainInfo,
  UsageError,
} from '@passk/core';
import { type CommandIo, log } from '../io.ts';
import { parseList, parseNumber, parseOptions, parsePositiveInteger } from '../parse-options.ts';
import { renderSelftest, summarizeSelftest } from '../selftest/render-selftest.ts';
import { runSelftest } from '../selftest/run-selftest.ts';
import { selectProblems } from './select-problems.ts';

export const SELFTEST_USAGE =
  'passk selftest --dataset <id> [--languages a,b] [--limit N | --tasks id,id] [--workers N] [--timeout-factor F] [--json]';

/** Seconds between progress lines on stderr. */
const PROGRESS_INTERVAL_MS = 10_000;

/**
 * `passk selftest`: runs the dataset's reference solutions (where it has them) and must-fail
 * controls, and reports per language. Known-broken and weak tasks are shown with their reason.
 * Exit 0 when every reference passed and every control failed (or the known-broken list
 * explains it; checks whose toolchain is missing are reported as skipped), 1 otherwise.
 */
export async function selftestCommand(
  argv: readonly string[],
  registry: Registry,
  io: CommandIo,
): Promise<number> {
  const { values } = parseOptions(
    argv,
    {
      dataset: { type: 'string' },
      languages: { type: 'string' },
      limit: { type: 'string' },
      tasks: { type: 'string' },
      workers: { type: 'string' },
      'timeout-factor': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    SELFTEST_USAGE,
  );
  if (values.help) {
    io.stdout.write(`usage: ${SELFTEST_USAGE}\n`);
    return 0;
  }
  if (typeof values.dataset !== 'string') {
    throw new UsageError({ message: `--dataset is required\nusage: ${SELFTEST_USAGE}` });
  }
  if (values.limit !== undefined && values.tasks !== undefined) {
    throw new UsageError({ message: '--limit and --tasks cannot be used together' });
  }
  const limit = parsePositiveInteger(values.limit, '--limit');
  const workers = parsePositiveInteger(values.workers, '--workers') ?? availableParallelism();
  const timeoutFactor = parseNumber(values['timeout-factor'], '--timeout-factor', 0.1, 100) ?? 1;
  const tasks = parseList(values.tasks);
  const languages = parseList(values.languages)?.map((id) => registry.language(id).id);
  const dataset = registry.dataset(values.dataset);
  const { problems: all } = await dataset.load(defaultDataContext(io.env));
  const problems = selectProblems(all, {
    ...(tasks ? { tasks } : {}),
    ...(limit === undefined ? {} : { limit }),
    ...(languages ? { languages } : {}),
  });
  const toolchains = new Map<string, ToolchainInfo>();
  for (const id of new Set(problems.map((problem) => problem.language))) {
    toolchains.set(id, await registry.language(id).detect());
  }
  const executor = createLocalExecutor({
    concurrency: workers,
    logger: { warn: (message) => log(io, `warning: ${message}`) },
  });
  log(io, `passk selftest: ${dataset.id} · ${problems.length} problems · ${workers} workers`);
  let lastProgress = Date.now();
  let checks: Awaited<ReturnType<typeof runSelftest>>;
  try {
    checks = await runSelftest({
      dataset,
      problems,
      language: (id) => registry.language(id),
      toolchains,
      executor,
      timeoutFactor,
      signal: io.signal,
      onCheck(_check, done, total) {
        if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS || done === total) {
          lastProgress = Date.now();
          log(io, `selftest: ${done}/${total} checks done`);
        }
      },
    });
  } finally {
    await executor.close();
  }
  const report = summarizeSelftest(dataset.id, checks, toolchains);
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderSelftest(report));
  return report.ok ? 0 : 1;
}
