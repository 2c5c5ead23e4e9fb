import type { VerdictStatus } from '../spec/verdict.ts';

/**
 * Why a run stopped before the end: Ctrl-C or a signal (`aborted`), `--max-cost`
 * (`cost-limit`), or the provider rejecting the credentials (`credentials-rejected`: every
 * further request would fail the same way).
 */
export type RunStopReason = 'aborted' | 'cost-limit' | 'credentials-rejected';

/**
 * The events of a run, in order: `run-start`, then per sample `generation-retry`*,
 * `generation-end`, `execution-end` and `progress`, and last `run-end`.
 */
export type RunEvent =
  | { readonly type: 'run-start'; readonly total: number; readonly done: number }
  | {
      readonly type: 'generation-end';
      readonly taskId: string;
      readonly sampleIndex: number;
      readonly failed: boolean;
      readonly cached: boolean;
    }
  | {
      /** A failed generation request that will be retried after `delayMs`. */
      readonly type: 'generation-retry';
      readonly taskId: string;
      readonly sampleIndex: number;
      /** 1-based number of the attempt that failed. */
      readonly attempt: number;
      readonly errorClass: string;
      readonly delayMs: number;
    }
  | {
      readonly type: 'execution-end';
      readonly taskId: string;
      readonly sampleIndex: number;
      readonly status: VerdictStatus;
      readonly cached: boolean;
    }
  | {
      /** After every `execution-end`: where the whole run stands (resumed samples included). */
      readonly type: 'progress';
      /** Samples with a result, out of `total`. */
      readonly done: number;
      readonly total: number;
      /** Of `done`, the samples that passed. */
      readonly passed: number;
      /** Of `done`, the count per status that is not `passed`. */
      readonly failures: Readonly<Partial<Record<VerdictStatus, number>>>;
    }
  | {
      readonly type: 'run-end';
      readonly completed: boolean;
      /** Why an incomplete run stopped. */
      readonly stopReason?: RunStopReason;
    };
