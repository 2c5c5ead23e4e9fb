import { SELFTEST_HELP } from '../help/selftest-help.ts';
import type { Command } from '../io.ts';
import {
  parseList,
  parseNumber,
  parseOptions,
  parsePositiveInteger,
  usageError,
} from '../parse-options.ts';
import { selftest } from '../sdk/selftest.ts';
import { renderSelftest } from '../selftest/render-selftest.ts';
import { commandContext } from './common-options.ts';

/** Milliseconds between progress lines on stderr. */
const PROGRESS_INTERVAL_MS = 10_000;

/**
 * `passk selftest`: runs the dataset's reference solutions (where it has them) and must-fail
 * controls, and reports per language (the SDK's `selftest`). Exit 0 when every reference
 * passed and every control failed (or the known-broken list explains it; checks whose
 * toolchain is missing are reported as skipped), 1 otherwise.
 */
export const selftestCommand: Command = async (argv, registry, io) => {
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
    },
    SELFTEST_HELP,
  );
  if (typeof values.dataset !== 'string') {
    throw usageError(SELFTEST_HELP, `--dataset is required`);
  }
  const limit = parsePositiveInteger(values.limit, '--limit');
  const workers = parsePositiveInteger(values.workers, '--workers');
  const timeoutFactor = parseNumber(values['timeout-factor'], '--timeout-factor', 0.1, 100);
  const tasks = parseList(values.tasks);
  const languages = parseList(values.languages);
  const { env, logger, signal } = commandContext(io);
  let lastProgress = Date.now();
  const report = await selftest({
    dataset: values.dataset,
    ...(languages ? { languages } : {}),
    ...(limit === undefined ? {} : { limit }),
    ...(tasks ? { tasks } : {}),
    ...(workers === undefined ? {} : { workers }),
    ...(timeoutFactor === undefined ? {} : { timeoutFactor }),
    registry,
    env,
    logger,
    signal,
    onCheck(_check, done, total) {
      if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS || done === total) {
        lastProgress = Date.now();
        logger.info(`selftest: ${done}/${total} checks done`);
      }
    },
  });
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderSelftest(report));
  return report.ok ? 0 : 1;
};
