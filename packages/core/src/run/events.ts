import type { VerdictStatus } from '../spec/verdict.ts';

/** Progress events of a run, for progress displays and logs. */
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
      readonly type: 'execution-end';
      readonly taskId: string;
      readonly sampleIndex: number;
      readonly status: VerdictStatus;
      readonly cached: boolean;
    }
  | { readonly type: 'run-end'; readonly completed: boolean };
