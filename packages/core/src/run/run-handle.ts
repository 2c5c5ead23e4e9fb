import { setMaxListeners } from 'node:events';
import type { RunEvent } from './events.ts';

/** The event of type `T`. */
export type RunEventOf<T extends RunEvent['type']> = Extract<RunEvent, { readonly type: T }>;

/**
 * A run in progress: awaitable (it is a promise of `T`), observable (typed events, by
 * listener or async iteration) and cancellable. Events are delivered synchronously, in order.
 */
export interface RunHandle<T> extends PromiseLike<T> {
  /** Settles when the run ends: `T`, or the error that stopped it (bad options, broken executor). */
  readonly result: Promise<T>;
  /** Aborted by `abort()` or by the caller's `signal`. */
  readonly signal: AbortSignal;
  /** Calls `listener` for every event of `type` (`'*'`: every event); returns the unsubscribe function. */
  on<K extends RunEvent['type']>(type: K, listener: (event: RunEventOf<K>) => void): () => void;
  on(type: '*', listener: (event: RunEvent) => void): () => void;
  /** The events from now until the run ends, as an async iterable (buffered, never dropped). */
  events(): AsyncIterableIterator<RunEvent>;
  /** Stops the run: running programs are killed, what finished stays recorded (resume later). */
  abort(reason?: unknown): void;
}

/**
 * Creates a handle whose result is `start(signal, emit)`, started on the next microtask so
 * that listeners attached right after creation see every event. `signal` is aborted by
 * `abort()` or by `external`.
 */
export function createRunHandle<T>(
  start: (signal: AbortSignal, emit: (event: RunEvent) => void) => Promise<T>,
  external?: AbortSignal,
): RunHandle<T> {
  const controller = new AbortController();
  const signal = external ? AbortSignal.any([external, controller.signal]) : controller.signal;
  // Every request, attempt and execution in flight listens to the run's signal: many at once is
  // the normal case, not a leak (Node warns past 10).
  setMaxListeners(0, signal);
  const listeners = new Set<(event: RunEvent) => void>();
  const endListeners = new Set<() => void>();
  const emit = (event: RunEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const result = Promise.resolve().then(() => start(signal, emit));
  const ended = () => {
    for (const listener of [...endListeners]) listener();
  };
  result.then(ended, ended);
  const on = (type: string, listener: (event: RunEvent) => void) => {
    const filtered = (event: RunEvent) => {
      if (type === '*' || event.type === type) listener(event);
    };
    listeners.add(filtered);
    return () => listeners.delete(filtered);
  };
  return {
    result,
    signal,
    // biome-ignore lint/suspicious/noThenProperty: the handle is deliberately awaitable.
    then: (onFulfilled, onRejected) => result.then(onFulfilled, onRejected),
    on: on as RunHandle<T>['on'],
    events: () => eventIterator(on, endListeners),
    abort: (reason) => controller.abort(reason),
  };
}

function eventIterator(
  on: (type: '*', listener: (event: RunEvent) => void) => () => void,
  endListeners: Set<() => void>,
): AsyncIterableIterator<RunEvent> {
  const queue: RunEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const off = on('*', (event) => {
    queue.push(event);
    wake?.();
  });
  const end = () => {
    done = true;
    off();
    endListeners.delete(end);
    wake?.();
  };
  endListeners.add(end);
  const iterator: AsyncIterableIterator<RunEvent> = {
    async next() {
      while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const event = queue.shift();
      return event === undefined ? { done: true, value: undefined } : { done: false, value: event };
    },
    async return() {
      end();
      queue.length = 0;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
