/** Runs at most `concurrency` tasks at once, FIFO. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Creates a concurrency limiter (like p-limit). `concurrency` must be ≥ 1. */
export function createLimiter(concurrency: number): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= concurrency) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
