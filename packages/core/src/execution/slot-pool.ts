/** One of the executor's `concurrency` places to run a job; owns its warm servers. */
export interface PoolSlot<Servers> {
  /** 0-based slot number. */
  readonly index: number;
  /** Per-slot state (its isolation and warm servers). */
  readonly state: Servers;
}

interface Waiter<Servers> {
  readonly urgent: boolean;
  readonly resolve: (slot: PoolSlot<Servers>) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * A fixed set of slots handed out first come, first served: at most `size` holders at once,
 * later callers queue in FIFO order, urgent ones ahead of the others.
 */
export class SlotPool<Servers> {
  /** Every slot, free or not. */
  readonly slots: readonly PoolSlot<Servers>[];
  private readonly free: PoolSlot<Servers>[];
  private readonly waiters: Waiter<Servers>[] = [];

  constructor(size: number, createServers: (index: number) => Servers) {
    this.slots = Array.from({ length: size }, (_, index) => ({
      index,
      state: createServers(index),
    }));
    this.free = [...this.slots];
  }

  /**
   * Resolves with a free slot, waiting in line when none is free (an `urgent` caller behind
   * the urgent ones only). Rejects with `signal.reason` when `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal, urgent = false): Promise<PoolSlot<Servers>> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter<Servers> = {
        urgent,
        resolve: (granted) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(granted);
        },
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const behind = urgent ? this.waiters.findIndex((queued) => !queued.urgent) : -1;
      if (behind === -1) this.waiters.push(waiter);
      else this.waiters.splice(behind, 0, waiter);
    });
  }

  /** Returns a slot; the longest-waiting caller gets it. */
  release(slot: PoolSlot<Servers>): void {
    const waiter = this.waiters.shift();
    if (waiter !== undefined) waiter.resolve(slot);
    else this.free.push(slot);
  }

  /** Rejects every queued caller with `reason`. */
  rejectWaiting(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
  }
}
