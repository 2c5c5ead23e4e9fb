import type { ExecutionResult, Program } from '@passk/core';

/** What a run puts on the queue for one execution. Carries no secrets: no keys, no environment. */
export interface QueueJobData {
  /** The program; the worker builds its steps with its own language plugin. */
  readonly program: Program;
  /** Multiplier of every time limit. */
  readonly timeoutFactor: number;
  /** The run's toolchain version for the program's language; the worker's must equal it. */
  readonly toolchainVersion: string;
  /** The run's sandbox mode; the worker's must equal it. */
  readonly sandbox: string;
}

/** Who executed a job. */
export interface WorkerIdentity {
  /** `<host>/<pid>/<start time in base 36>`. */
  readonly id: string;
  readonly host: string;
  readonly passk_version: string;
  readonly sandbox: string;
}

/** What a worker returns for a job (BullMQ's return value). */
export interface QueueJobReply {
  readonly result: ExecutionResult;
  readonly worker: WorkerIdentity;
  /** The worker's toolchain version for the program's language. */
  readonly toolchainVersion: string;
}
