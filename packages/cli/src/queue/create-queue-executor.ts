import {
  type ExecutionJob,
  type ExecutionResult,
  type Executor,
  ExecutorError,
  type ExecutorWorker,
  hashJson,
  type RunLogger,
} from '@passk/core';
import { acceptReply } from './internal/accept-reply.ts';
import { connectQueues, type QueueConnection } from './internal/connect-queues.ts';
import { refusedResult } from './internal/refused-result.ts';
import type { QueueJobData } from './queue-job.ts';
import { executionQueueName } from './queue-names.ts';
import { parseQueueUrl, type QueueLocation } from './queue-url.ts';

/** Jobs a queue run keeps on the queue at once, by default. */
export const DEFAULT_QUEUE_CONCURRENCY = 64;

/** How long Redis may stay unreachable before a queue run stops, by default (ms). */
export const DEFAULT_QUEUE_UNREACHABLE_MS = 10_000;

/** Options of {@link createQueueExecutor}. */
export interface QueueExecutorOptions {
  /** `redis://` or `rediss://` URL (or a parsed one). */
  readonly queue: string | QueueLocation;
  /** The run's id: job ids are `<runId>.<execution key>`, so a resumed run finds its jobs. */
  readonly runId: string;
  /** The run's sandbox mode; only workers with the same mode get its jobs. */
  readonly sandbox: string;
  /** A language id or alias → the plugin's id (how workers name their queues). Default identity. */
  readonly languageId?: (id: string) => string;
  /** Jobs on the queue at once. Default {@link DEFAULT_QUEUE_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Milliseconds Redis may stay unreachable before every waiting job fails. Default 10 000. */
  readonly unreachableMs?: number;
  readonly logger?: Pick<RunLogger, 'warn'>;
}

interface Waiter {
  readonly signal: AbortSignal | undefined;
  readonly queueName: string;
  readonly jobId: string;
  readonly data: QueueJobData;
  readonly language: string;
  checkedAt: number;
  checkAfterMs: number;
  resolve(result: ExecutionResult): void;
  reject(error: unknown): void;
}

/**
 * The distributed executor of `--queue` runs: each job goes to BullMQ as `<runId>.<key>`
 * (deterministic: a resumed run re-attaches to its jobs, a job added twice exists once) on
 * the queue of its language, toolchain version and sandbox mode (`executionQueueName`);
 * `passk worker` processes run it and reply with the `ExecutionResult`. A reply from a worker
 * whose toolchain version or sandbox differs is refused (an infrastructure fault: the run
 * retries it under a new key). Results arrive through BullMQ's events, and a sweep every
 * second reads the state of jobs not heard from (after 3 s, then less and less often; and
 * re-adds jobs Redis lost). Redis
 * unreachable for `unreachableMs` fails every waiting job with `ExecutorError`.
 *
 * Connects on the first job (bullmq and ioredis imported then). Throws `UsageError` for a
 * malformed URL; `execute` rejects with `ExecutorError` when the queue is unreachable.
 */
export function createQueueExecutor(options: QueueExecutorOptions): Executor {
  const location = typeof options.queue === 'string' ? parseQueueUrl(options.queue) : options.queue;
  const unreachableMs = options.unreachableMs ?? DEFAULT_QUEUE_UNREACHABLE_MS;
  const waiters = new Map<string, Waiter>();
  const workers = new Map<string, { -readonly [K in keyof ExecutorWorker]: ExecutorWorker[K] }>();
  let broken: ExecutorError | undefined;
  let connection: Promise<QueueConnection> | undefined;
  let closed = false;
  const watchedSignals = new WeakSet<AbortSignal>();

  /** One listener per signal (a run's jobs share one): aborts every job waiting on it. */
  const watch = (signal: AbortSignal) => {
    if (watchedSignals.has(signal)) return;
    watchedSignals.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        for (const waiter of [...waiters.values()]) {
          if (waiter.signal !== signal) continue;
          waiters.delete(waiter.jobId);
          void connection?.then((queues) => queues.remove(waiter.queueName, waiter.jobId));
          waiter.reject(signal.reason);
        }
      },
      { once: true },
    );
  };

  const fail = (error: ExecutorError) => {
    broken ??= error;
    for (const waiter of waiters.values()) waiter.reject(broken);
    waiters.clear();
  };

  const finish = (jobId: string, outcome: { returnvalue?: unknown; failedReason?: string }) => {
    const waiter = waiters.get(jobId);
    if (!waiter) return; // another run's job, or a second delivery of one already settled
    waiters.delete(jobId);
    void connection?.then((open) => open.remove(waiter.queueName, jobId));
    if (outcome.failedReason !== undefined) {
      waiter.resolve(refusedResult(`queue job ${jobId} failed: ${outcome.failedReason}`));
      return;
    }
    const verdict = acceptReply(outcome.returnvalue, waiter.data);
    if ('refused' in verdict) {
      options.logger?.warn(`refused the result of queue job ${jobId}: ${verdict.refused}`);
      waiter.resolve(refusedResult(`refused: ${verdict.refused}`));
      return;
    }
    const { reply } = verdict;
    const known = workers.get(reply.worker.id) ?? { ...reply.worker, toolchains: {}, jobs: 0 };
    known.toolchains = { ...known.toolchains, [waiter.language]: reply.toolchainVersion };
    known.jobs++;
    workers.set(reply.worker.id, known);
    waiter.resolve(reply.result);
  };

  const open = (): Promise<QueueConnection> => {
    connection ??= connectQueues({
      location,
      connectionName: `passk-run-${options.runId}`,
      unreachableMs,
      onFinished: finish,
      onUnreachable: (reason) =>
        fail(
          new ExecutorError({
            message: `the queue at ${location.display} has been unreachable for ${Math.round(unreachableMs / 1000)} s (${reason}); the results received so far are saved: run the same command again to resume once Redis is back`,
          }),
        ),
      pending: () => waiters.values(),
      resubmit: async (pending) => {
        const waiter = waiters.get(pending.jobId);
        if (waiter) await submit(waiter);
      },
    });
    return connection;
  };

  const submit = async (waiter: Waiter): Promise<void> => {
    const queues = await open();
    await queues.add(waiter.queueName, waiter.jobId, waiter.data);
    await queues.check(waiter);
  };

  return {
    id: 'queue',
    sandbox: options.sandbox,
    concurrency: options.concurrency ?? DEFAULT_QUEUE_CONCURRENCY,
    isolation: [
      `queue ${location.display}: jobs run by passk workers, each in its own ${options.sandbox} sandbox`,
    ],
    execute(job: ExecutionJob, signal?: AbortSignal): Promise<ExecutionResult> {
      if (broken) return Promise.reject(broken);
      if (closed) return Promise.reject(new ExecutorError({ message: 'queue executor is closed' }));
      const { origin } = job;
      if (!origin) {
        return Promise.reject(
          new ExecutorError({
            message:
              'the queue executor runs jobs of passk runs only (an ExecutionJob with its origin)',
          }),
        );
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      const language = options.languageId?.(origin.program.language) ?? origin.program.language;
      const toolchainVersion = origin.toolchain.version ?? 'unknown';
      const queueName = executionQueueName(options.sandbox, language, toolchainVersion);
      const key = origin.key ?? hashJson({ origin, steps: job.steps, limits: job.limits });
      const jobId = `${options.runId}.${key}`;
      return new Promise<ExecutionResult>((resolve, reject) => {
        const waiter: Waiter = {
          signal,
          queueName,
          jobId,
          language,
          data: {
            program: origin.program,
            timeoutFactor: origin.timeoutFactor,
            toolchainVersion,
            sandbox: options.sandbox,
          },
          checkedAt: Date.now(),
          checkAfterMs: 3000,
          resolve,
          reject,
        };
        if (signal) watch(signal);
        const earlier = waiters.get(jobId);
        if (earlier) {
          // The same execution twice at once (runEval shares identical programs): one job.
          waiters.set(jobId, {
            ...earlier,
            resolve: (result) => {
              earlier.resolve(result);
              waiter.resolve(result);
            },
            reject: (error) => {
              earlier.reject(error);
              waiter.reject(error);
            },
          });
          return;
        }
        waiters.set(jobId, waiter);
        submit(waiter).catch((error: unknown) => {
          const current = waiters.get(jobId);
          if (!current) return;
          waiters.delete(jobId);
          current.reject(
            error instanceof ExecutorError
              ? error
              : new ExecutorError({
                  message: `cannot put a job on the queue at ${location.display}: ${(error as Error).message}`,
                  cause: error,
                }),
          );
        });
      });
    },
    workers: () => [...workers.values()].map((worker) => ({ ...worker })),
    async close() {
      closed = true;
      for (const waiter of waiters.values()) {
        waiter.reject(new ExecutorError({ message: 'queue executor closed' }));
      }
      waiters.clear();
      if (connection) await (await connection.catch(() => undefined))?.close();
    },
  };
}
