import type { RunHandle, RunOutcome, RunSummary } from '@passk/core';
import type { McpRunRequest, StartPasskRun } from '../run-request.ts';

/** The states of a run started over MCP. */
export type McpRunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

/** Where a run stands: samples with a result out of the total, and how many passed. */
export interface McpRunProgress {
  readonly done: number;
  readonly total: number;
  readonly passed: number;
}

/** One run of the table. */
export interface McpRun {
  readonly runId: string;
  readonly request: McpRunRequest;
  status: McpRunStatus;
  progress: McpRunProgress;
  summary?: RunSummary;
  error?: string;
  /** Listeners of progress (the start_run caller's progress token). */
  readonly listeners: Set<(run: McpRun) => void>;
  handle?: RunHandle<RunOutcome>;
  /** Settles when the run leaves `queued`/`running`. */
  readonly settled: Promise<void>;
  /** Settles `settled`. */
  readonly resolveSettled: () => void;
  /** `cancel` was called: the run is `cancelled` at once, and stops (settles) soon after. */
  cancelRequested?: boolean;
}

/**
 * The runs of one server: started through `start` (the SDK), at most `maxRuns` at once (the
 * others wait, `queued`), cancellable, and stopped together by `close()`. Starting a run id
 * that is queued or running returns it; starting one that ended resumes it in its directory.
 */
export interface RunTable {
  start(runId: string, request: McpRunRequest): McpRun;
  get(runId: string): McpRun | undefined;
  list(): McpRun[];
  /**
   * Dequeues a queued run, or aborts a running one: its status is `cancelled` at once (no new
   * sample starts); resolves when it stopped or after `waitMs`, whichever comes first.
   */
  cancel(runId: string, waitMs: number): Promise<McpRun | undefined>;
  /** Cancels every run and waits until they stopped. */
  close(): Promise<void>;
}

/** Creates a run table over `start`, running at most `maxRuns` runs at once. */
export function createRunTable(start: StartPasskRun, maxRuns: number): RunTable {
  const runs = new Map<string, McpRun>();
  const queue: McpRun[] = [];
  let running = 0;
  let closed = false;
  const notify = (run: McpRun) => {
    for (const listener of [...run.listeners]) listener(run);
  };
  const launch = (run: McpRun) => {
    running++;
    run.status = 'running';
    notify(run);
    const handle = start(run.request);
    run.handle = handle;
    handle.on('run-start', (event) => {
      run.progress = { ...run.progress, done: event.done, total: event.total };
      notify(run);
    });
    handle.on('progress', (event) => {
      run.progress = { done: event.done, total: event.total, passed: event.passed };
      notify(run);
    });
    handle.result
      .then(
        (outcome) => {
          if (outcome.completed) {
            run.status = 'done';
            run.summary = outcome.summary;
          } else {
            run.status = outcome.stopReason === 'aborted' ? 'cancelled' : 'failed';
            if (outcome.stopReason !== 'aborted') run.error = `stopped: ${outcome.stopReason}`;
          }
        },
        (error: unknown) => {
          run.status = run.handle?.signal.aborted ? 'cancelled' : 'failed';
          run.error = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => {
        running--;
        run.handle = undefined;
        notify(run);
        run.resolveSettled();
        next();
      });
  };
  const next = () => {
    while (!closed && running < maxRuns && queue.length > 0) {
      const run = queue.shift() as McpRun;
      launch(run);
    }
  };
  return {
    start(runId, request) {
      const existing = runs.get(runId);
      if (existing && (existing.status === 'queued' || existing.status === 'running'))
        return existing;
      // A cancelled run may still be stopping: its successor waits for it (one writer per run).
      let resolveSettled: () => void = () => {};
      const settled = new Promise<void>((resolve) => {
        resolveSettled = resolve;
      });
      const run: McpRun = {
        runId,
        request,
        status: 'queued',
        progress: existing?.progress ?? { done: 0, total: 0, passed: 0 },
        listeners: existing?.listeners ?? new Set(),
        settled,
        resolveSettled,
      };
      runs.set(runId, run);
      const enqueue = () => {
        if (closed || run.status !== 'queued') return;
        queue.push(run);
        next();
      };
      if (existing) existing.settled.then(enqueue);
      else enqueue();
      return run;
    },
    get: (runId) => runs.get(runId),
    list: () => [...runs.values()],
    async cancel(runId, waitMs) {
      const run = runs.get(runId);
      if (!run) return undefined;
      if (run.status === 'queued') {
        const queued = queue.indexOf(run);
        if (queued !== -1) queue.splice(queued, 1);
        run.status = 'cancelled';
        run.resolveSettled();
        notify(run);
        return run;
      }
      if (run.status !== 'running') return run;
      run.cancelRequested = true;
      run.status = 'cancelled';
      run.handle?.abort(new Error('cancelled over MCP'));
      notify(run);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        run.settled,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
      return run;
    },
    async close() {
      closed = true;
      for (const run of queue.splice(0)) {
        run.status = 'cancelled';
        run.resolveSettled();
      }
      const active = [...runs.values()].filter((run) => run.handle !== undefined);
      for (const run of active) run.handle?.abort(new Error('the MCP server is stopping'));
      await Promise.all(active.map((run) => run.settled));
    },
  };
}
