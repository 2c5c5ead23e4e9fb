import type { QueueJobData, QueueJobReply } from '../queue-job.ts';

/**
 * Checks a worker's reply to a job: its shape, and that the worker's toolchain version and
 * sandbox mode are the run's. Returns the reply, or why it is refused.
 */
export function acceptReply(
  value: unknown,
  data: QueueJobData,
): { readonly reply: QueueJobReply } | { readonly refused: string } {
  const reply = (typeof value === 'string' ? safeParse(value) : value) as QueueJobReply | null;
  if (
    reply === null ||
    typeof reply !== 'object' ||
    !Array.isArray(reply.result?.steps) ||
    typeof reply.worker?.id !== 'string' ||
    typeof reply.toolchainVersion !== 'string'
  ) {
    return { refused: 'the reply is not a passk worker reply' };
  }
  if (reply.toolchainVersion !== data.toolchainVersion) {
    return {
      refused: `worker ${reply.worker.id} ran ${data.program.language} ${reply.toolchainVersion}; the run's toolchain is ${data.toolchainVersion}`,
    };
  }
  if (reply.worker.sandbox !== data.sandbox) {
    return {
      refused: `worker ${reply.worker.id} runs programs with sandbox ${reply.worker.sandbox}; the run's is ${data.sandbox}`,
    };
  }
  return { reply };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
