import { ExecutorError } from '@passk/core';

/** BullMQ and ioredis, imported on first use (only queue runs and workers need them). */
export async function loadQueueClient(): Promise<{
  readonly bullmq: typeof import('bullmq');
  readonly Redis: typeof import('ioredis').Redis;
}> {
  try {
    const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
    return { bullmq, Redis: ioredis.Redis };
  } catch (cause) {
    throw new ExecutorError({
      message: `--queue needs the npm packages bullmq and ioredis (dependencies of passk): ${(cause as Error).message}; reinstall passk`,
      cause,
    });
  }
}
