/** Runs at most `concurrency` tasks at once, FIFO, urgent tasks ahead of the others. */
export type Limiter = <T>(task: () => Promise<T>, urgent?: boolean) => Promise<T>;

/** Creates a concurrency limiter (like p-limit). `concurrency` must be ≥ 1. */
export function createLimiter(concurrency: number): Limiter {
  let active = 0;
  const queue: { readonly urgent: boolean; readonly start: () => void }[] = [];
  const next = () => {
    if (active >= concurrency) return;
    const entry = queue.shift();
    if (entry) {
      active++;
      entry.start();
    }
  };
  return (task, urgent = false) =>
    new Promise((resolve, reject) => {
      const start = () => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      };
      const behind = urgent ? queue.findIndex((entry) => !entry.urgent) : -1;
      if (behind === -1) queue.push({ urgent, start });
      else queue.splice(behind, 0, { urgent, start });
      next();
    });
}
