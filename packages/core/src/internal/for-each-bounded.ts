/**
 * Calls `task` on every item with at most `concurrency` calls in progress, in item order, and
 * resolves when all have settled. Unlike mapping every item to a promise at once, the work an
 * item creates (a program, its job) exists only while the item is in progress: the memory held
 * is bounded by `concurrency`, not by the number of items. Rejects with the first error after
 * the calls in progress have settled; no new call starts once one has failed.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, runner),
  );
  if (failure) throw failure.error;
}
