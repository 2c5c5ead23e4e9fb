import { SANDBOX_MODES, type SandboxMode, UsageError } from '@passk/core';
import { WORKER_HELP } from '../help/worker-help.ts';
import type { Command } from '../io.ts';
import { parseList, parseNumber, parseOptions, parsePositiveInteger } from '../parse-options.ts';
import { startWorker } from '../queue/start-worker.ts';
import { commandContext } from './common-options.ts';

/**
 * `passk worker`: executes jobs of `--queue` runs until Ctrl-C / SIGTERM, then finishes the
 * running jobs and exits 0.
 */
export const workerCommand: Command = async (argv, registry, io) => {
  const { values } = parseOptions(
    argv,
    {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      languages: { type: 'string' },
      sandbox: { type: 'string' },
      'stall-timeout': { type: 'string' },
    },
    WORKER_HELP,
  );
  if (typeof values.queue !== 'string') {
    throw new UsageError({ message: '--queue is required, e.g. --queue redis://127.0.0.1:6379' });
  }
  const sandbox = values.sandbox ?? 'bwrap';
  if (!(SANDBOX_MODES as readonly string[]).includes(sandbox)) {
    throw new UsageError({
      message: `--sandbox expects one of ${SANDBOX_MODES.join(', ')}, got '${sandbox}'`,
    });
  }
  const concurrency = parsePositiveInteger(values.concurrency, '--concurrency');
  const stallSeconds = parseNumber(values['stall-timeout'], '--stall-timeout', 0.1, 3600);
  const languages = parseList(values.languages);
  const { env, logger, signal } = commandContext(io);
  const worker = await startWorker({
    queue: values.queue,
    sandbox: sandbox as SandboxMode,
    registry,
    env,
    logger,
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(languages === undefined ? {} : { languages }),
    ...(stallSeconds === undefined ? {} : { stallTimeoutMs: Math.round(stallSeconds * 1000) }),
  });
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  logger.info(`passk worker ${worker.identity.id}: stopping after its running jobs`);
  await worker.close();
  logger.info(`passk worker ${worker.identity.id}: ${worker.executed()} jobs executed`);
  return 0;
};
