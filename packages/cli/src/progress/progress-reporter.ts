import type { RunEvent, VerdictStatus } from '@passk/core';
import type { CommandIo } from '../io.ts';

/** Shows run progress on stderr. */
export interface ProgressReporter {
  readonly onEvent: (event: RunEvent) => void;
  /** Clears the live line and stops timers. */
  stop(): void;
}

const TTY_INTERVAL_MS = 200;
const PLAIN_INTERVAL_MS = 10_000;

/**
 * On a TTY: one live line (done/total, rate, ETA, running pass@1, failures by status),
 * redrawn every 200 ms. Elsewhere: a plain line every 10 s and at the end.
 */
export function createProgressReporter(io: CommandIo): ProgressReporter {
  const tty = io.stderr.isTTY === true;
  const started = Date.now();
  let total = 0;
  let alreadyDone = 0;
  let done = 0;
  let passed = 0;
  let retries = 0;
  const failures = new Map<VerdictStatus, number>();
  let dirty = false;

  const line = () => {
    const elapsedSeconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(elapsedSeconds, 1e-3);
    const remaining = total - alreadyDone - done;
    const eta = rate > 0 ? formatDuration(remaining / rate) : '?';
    const passRate = done > 0 ? `${((passed / done) * 100).toFixed(1)}%` : '-';
    const failureText = [...failures].map(([status, count]) => `${status} ${count}`).join(', ');
    return `${alreadyDone + done}/${total} samples · ${rate.toFixed(1)}/s · ETA ${eta} · pass ${passRate}${failureText ? ` · ${failureText}` : ''}${retries > 0 ? ` · ${retries} generation retries` : ''}`;
  };
  const draw = () => {
    if (!dirty) return;
    dirty = false;
    io.stderr.write(tty ? `\r\u001b[2K${line()}` : `${line()}\n`);
  };
  const timer = setInterval(draw, tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS);
  timer.unref();

  return {
    onEvent(event) {
      if (event.type === 'run-start') {
        total = event.total;
        alreadyDone = event.done;
        if (alreadyDone > 0)
          io.stderr.write(`resuming: ${alreadyDone} of ${total} samples already done\n`);
      } else if (event.type === 'generation-retry') {
        retries++;
        dirty = true;
      } else if (event.type === 'execution-end') {
        done++;
        if (event.status === 'passed') passed++;
        else failures.set(event.status, (failures.get(event.status) ?? 0) + 1);
        dirty = true;
      }
    },
    stop() {
      clearInterval(timer);
      dirty = true;
      draw();
      if (tty) io.stderr.write('\n');
    },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
