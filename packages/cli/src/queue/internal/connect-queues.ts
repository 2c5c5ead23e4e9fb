import type { Queue, QueueEvents } from 'bullmq';
import type { QueueJobData } from '../queue-job.ts';
import { QUEUE_PREFIX } from '../queue-names.ts';
import type { QueueLocation } from '../queue-url.ts';
import { loadQueueClient } from './load-queue-client.ts';

/** A job the run waits for. */
export interface PendingJob {
  readonly queueName: string;
  readonly jobId: string;
  /** When its state was last read (ms since the epoch); the sweep updates it. */
  checkedAt: number;
  /** Milliseconds until the sweep reads it again: doubles from 3 s to 60 s (a long queue stays cheap). */
  checkAfterMs: number;
}

/** How a job ended, from BullMQ's events or its stored state. */
export interface JobOutcome {
  /** The worker's reply (completed). */
  readonly returnvalue?: unknown;
  /** Why it failed (failed, or stalled too often). */
  readonly failedReason?: string;
}

/** The run side's connection to Redis: its queues and their events. */
export interface QueueConnection {
  /** Adds a job (a no-op when a job with that id exists). */
  add(queueName: string, jobId: string, data: QueueJobData): Promise<void>;
  /** Reads a job's state: reports it when finished, re-adds it (`resubmit`) when Redis lost it. */
  check(job: PendingJob): Promise<void>;
  /** Removes a job (errors ignored: a job still locked by a worker stays, then expires). */
  remove(queueName: string, jobId: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link connectQueues}. */
export interface ConnectQueuesOptions {
  readonly location: QueueLocation;
  readonly connectionName: string;
  /** Milliseconds without a connection before `onUnreachable`. */
  readonly unreachableMs: number;
  readonly onFinished: (jobId: string, outcome: JobOutcome) => void;
  readonly onUnreachable: (reason: string) => void;
  /** The jobs still waited for, read by the sweep. */
  readonly pending: () => Iterable<PendingJob>;
  /** Adds a waited-for job again (Redis restarted without its data). */
  readonly resubmit: (job: PendingJob) => Promise<void>;
}

/** Seconds a finished job stays in Redis when the run that added it never reads it. */
const JOB_RETENTION_SECONDS = 7 * 24 * 3600;
/** How often the sweep runs, and the longest wait between two reads of a job's state. */
const SWEEP_INTERVAL_MS = 1000;
const MAX_CHECK_AFTER_MS = 60_000;

/**
 * Connects to Redis (one connection shared by the queues, one per queue's event stream) and
 * starts the sweep. Never rejects for an unreachable Redis: `onUnreachable` reports it after
 * `unreachableMs`.
 */
export async function connectQueues(options: ConnectQueuesOptions): Promise<QueueConnection> {
  const { bullmq, Redis } = await loadQueueClient();
  const redis = new Redis({
    ...options.location.connection,
    ...(options.location.connection.tls ? { tls: { ...options.location.connection.tls } } : {}),
    maxRetriesPerRequest: null,
    connectionName: options.connectionName,
  });
  let downSince: number | undefined = Date.now();
  let lastError = 'no connection yet';
  let reported = false;
  redis.on('ready', () => {
    downSince = undefined;
  });
  redis.on('error', (error: Error) => {
    lastError = error.message || String(error);
  });
  redis.on('close', () => {
    downSince ??= Date.now();
  });

  const queues = new Map<string, Promise<{ queue: Queue; events: QueueEvents }>>();
  const queueFor = (name: string) => {
    let entry = queues.get(name);
    if (!entry) {
      entry = (async () => {
        const queue = new bullmq.Queue(name, { connection: redis, prefix: QUEUE_PREFIX });
        queue.on('error', (error) => {
          lastError = error.message;
        });
        const events = new bullmq.QueueEvents(name, { connection: redis, prefix: QUEUE_PREFIX });
        events.on('error', (error) => {
          lastError = error.message;
        });
        events.on('completed', ({ jobId, returnvalue }) =>
          options.onFinished(jobId, { returnvalue }),
        );
        events.on('failed', ({ jobId, failedReason }) =>
          options.onFinished(jobId, { failedReason }),
        );
        await events.waitUntilReady();
        return { queue, events };
      })();
      queues.set(name, entry);
    }
    return entry;
  };

  const check = async (job: PendingJob): Promise<void> => {
    job.checkedAt = Date.now();
    job.checkAfterMs = Math.min(job.checkAfterMs * 2, MAX_CHECK_AFTER_MS);
    const { queue } = await queueFor(job.queueName);
    const stored = await queue.getJob(job.jobId);
    if (!stored) {
      await options.resubmit(job);
      return;
    }
    if (!stored.finishedOn) return;
    if (stored.returnvalue !== null && stored.returnvalue !== undefined) {
      options.onFinished(job.jobId, { returnvalue: stored.returnvalue });
    } else {
      options.onFinished(job.jobId, { failedReason: stored.failedReason || 'failed' });
    }
  };

  let sweeping = false;
  const timer = setInterval(() => {
    if (downSince !== undefined) {
      if (!reported && Date.now() - downSince >= options.unreachableMs) {
        reported = true;
        options.onUnreachable(lastError);
      }
      return;
    }
    if (sweeping) return; // the last sweep's reads are still under way
    sweeping = true;
    const now = Date.now();
    const due = [...options.pending()].filter((job) => now - job.checkedAt >= job.checkAfterMs);
    void Promise.all(due.slice(0, 512).map((job) => check(job).catch(() => {}))).finally(() => {
      sweeping = false;
    });
  }, SWEEP_INTERVAL_MS);

  return {
    async add(queueName, jobId, data) {
      const { queue } = await queueFor(queueName);
      await queue.add('execute', data, {
        jobId,
        attempts: 1,
        removeOnComplete: { age: JOB_RETENTION_SECONDS },
        removeOnFail: { age: JOB_RETENTION_SECONDS },
      });
    },
    check,
    async remove(queueName, jobId) {
      try {
        const { queue } = await queueFor(queueName);
        await queue.remove(jobId);
      } catch {
        // locked by a worker or already gone: it expires with the retention
      }
    },
    async close() {
      clearInterval(timer);
      const reachable = downSince === undefined;
      await Promise.all(
        [...queues.values()].map(async (entry) => {
          const { queue, events } = await entry;
          await within(reachable ? 2000 : 0, Promise.all([queue.close(), events.close()]));
          if (!reachable) await within(500, events.disconnect());
        }),
      );
      if (reachable) await within(1000, redis.quit());
      redis.disconnect();
    },
  };
}

/** Waits for `promise` at most `ms` milliseconds (errors ignored). */
async function within(ms: number, promise: Promise<unknown>): Promise<void> {
  promise.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
