import { createHash } from 'node:crypto';

/** Prefix of every Redis key passk's queues use (BullMQ's `prefix`). */
export const QUEUE_PREFIX = 'passk';

/**
 * The queue of execution jobs for one language, toolchain version and sandbox mode:
 * `exec.<sandbox>.<language>.<first 12 hex digits of sha256(version)>`. Jobs are routed by
 * it: a worker serves only the queues of the toolchains it has, so a job never reaches a
 * worker with another toolchain version or sandbox mode.
 */
export function executionQueueName(sandbox: string, language: string, version: string): string {
  const digest = createHash('sha256').update(version).digest('hex').slice(0, 12);
  return `exec.${sandbox}.${language.replace(/[^A-Za-z0-9_-]/g, '_')}.${digest}`;
}
