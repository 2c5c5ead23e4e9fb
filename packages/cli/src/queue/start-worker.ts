import { availableParallelism, hostname } from 'node:os';
import {
  createRunExecutor,
  type Registry,
  type RunEnvironment,
  type RunLogger,
  type SandboxMode,
  SILENT_LOGGER,
  type ToolchainInfo,
  UsageError,
} from '@passk/core';
import type { Job, Worker } from 'bullmq';
import { createBuiltinRegistry } from '../builtin-registry.ts';
import { PASSK_VERSION } from '../version.ts';
import { loadQueueClient } from './internal/load-queue-client.ts';
import type { QueueJobData, QueueJobReply, WorkerIdentity } from './queue-job.ts';
import { executionQueueName, QUEUE_PREFIX } from './queue-names.ts';
import { parseQueueUrl } from './queue-url.ts';

/** Options of {@link startWorker}: the flags of `passk worker`. */
export interface WorkerOptions {
  /** `redis://` or `rediss://` URL of the queue (`--queue`). */
  readonly queue: string;
  /** Programs executed at once (`--concurrency`). Default the number of cores. */
  readonly concurrency?: number;
  /** Language ids served (`--languages`). Default every language of the registry whose toolchain is found. */
  readonly languages?: readonly string[];
  /** How programs are isolated (`--sandbox`); only runs with the same mode send jobs. Default `bwrap`. */
  readonly sandbox?: SandboxMode;
  /**
   * Milliseconds after which a job whose worker stopped renewing its lock (killed, frozen)
   * goes back to the queue for another worker (`--stall-timeout`, BullMQ's lock duration and
   * stalled-check interval). Default 30 000.
   */
  readonly stallTimeoutMs?: number;
  /** Where languages are looked up. Default `createBuiltinRegistry()`. */
  readonly registry?: Registry;
  /** Environment of toolchain detection and the sandbox (`PASSK_*`, `PATH`). Default `process.env`. */
  readonly env?: RunEnvironment;
  /** Receives what the worker serves, and connection problems. Default silent. */
  readonly logger?: RunLogger;
}

/** A running worker. */
export interface QueueWorker {
  readonly identity: WorkerIdentity;
  /** Toolchain version per language id served. */
  readonly toolchains: Readonly<Record<string, string>>;
  /** Names of the BullMQ queues it serves. */
  readonly queues: readonly string[];
  /** Jobs executed so far. */
  executed(): number;
  /** Stops taking jobs, waits for the running ones, closes the sandbox. */
  close(): Promise<void>;
}

/** Maximum times a job may stall (its worker gone) before it fails. */
const MAX_STALLED_COUNT = 10;

/**
 * Starts a `passk worker`: detects the toolchains of the languages it serves, then takes
 * execution jobs from the queue of each (language, toolchain version, sandbox mode;
 * `executionQueueName`), builds the program's steps with its own language plugin, runs them
 * in its local sandbox and replies with the `ExecutionResult`, its identity and its
 * toolchain version. It never writes a run directory.
 *
 * Throws `UsageError` for a malformed URL, an unknown language or when no toolchain is found;
 * connection problems are logged and retried (Redis may come back).
 */
export async function startWorker(options: WorkerOptions): Promise<QueueWorker> {
  const location = parseQueueUrl(options.queue);
  const registry = options.registry ?? createBuiltinRegistry();
  const env = options.env ?? process.env;
  const logger = options.logger ?? SILENT_LOGGER;
  const sandbox = options.sandbox ?? 'bwrap';
  const concurrency = options.concurrency ?? availableParallelism();
  const ids = options.languages ?? Object.keys(registry.input.languages);
  const detected = await Promise.all(
    ids.map(async (id) => {
      const language = registry.language(id);
      return { language, toolchain: await language.detect({ env }) };
    }),
  );
  const toolchains = new Map<string, ToolchainInfo>();
  for (const { language, toolchain } of detected) {
    if (toolchain.available) toolchains.set(language.id, toolchain);
    else if (options.languages) logger.warn(`${language.id}: ${toolchain.problem ?? 'not found'}`);
  }
  if (toolchains.size === 0) {
    throw new UsageError({
      message: `no toolchain found for ${ids.join(', ')}: the worker has nothing to serve (passk doctor shows what is missing)`,
    });
  }
  const startedAt = Date.now();
  const identity: WorkerIdentity = {
    id: `${hostname()}/${process.pid}/${startedAt.toString(36)}`,
    host: hostname(),
    passk_version: PASSK_VERSION,
    sandbox,
  };
  const executor = createRunExecutor({ workers: concurrency, sandbox, env, logger });
  const { bullmq } = await loadQueueClient();
  let executed = 0;
  const versions: Record<string, string> = {};
  const workers: Worker[] = [];
  const queues: string[] = [];
  const warn = rateLimited(logger, 10_000);

  for (const [languageId, toolchain] of toolchains) {
    const version = toolchain.version ?? 'unknown';
    versions[languageId] = version;
    const name = executionQueueName(sandbox, languageId, version);
    queues.push(name);
    const processJob = async (job: Job<QueueJobData>): Promise<QueueJobReply> => {
      const data = job.data;
      if (data.toolchainVersion !== version || data.sandbox !== sandbox) {
        throw new Error(
          `worker ${identity.id} has ${languageId} ${version} with sandbox ${sandbox}; the job needs ${data.toolchainVersion} with sandbox ${data.sandbox}`,
        );
      }
      const language = registry.language(data.program.language);
      const steps = language.steps(data.program, toolchain, { timeoutFactor: data.timeoutFactor });
      const result = await executor.execute({
        files: data.program.files,
        steps,
        limits: language.limits(data.program),
      });
      executed++;
      return { result, worker: identity, toolchainVersion: version };
    };
    const worker = new bullmq.Worker<QueueJobData, QueueJobReply>(name, processJob, {
      connection: { ...location.connection, maxRetriesPerRequest: null },
      prefix: QUEUE_PREFIX,
      concurrency,
      lockDuration: options.stallTimeoutMs ?? 30_000,
      stalledInterval: options.stallTimeoutMs ?? 30_000,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    worker.on('error', (error) => warn(`queue ${location.display}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (job) warn(`job ${job.id} failed: ${error.message}`);
    });
    workers.push(worker);
  }
  logger.info(
    `passk worker ${identity.id}: ${concurrency} at once, sandbox ${sandbox}, serving ${location.display} for ${Object.entries(
      versions,
    )
      .map(([id, version]) => `${id} ${version}`)
      .join(', ')}`,
  );
  return {
    identity,
    toolchains: versions,
    queues,
    executed: () => executed,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await executor.close();
    },
  };
}

/** `logger.warn`, at most once per `intervalMs` for the same message. */
function rateLimited(logger: RunLogger, intervalMs: number): (message: string) => void {
  const last = new Map<string, number>();
  return (message) => {
    const now = Date.now();
    if (now - (last.get(message) ?? 0) < intervalMs) return;
    last.set(message, now);
    logger.warn(message);
  };
}
