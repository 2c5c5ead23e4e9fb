import { UsageError } from '../errors/usage-error.ts';

/**
 * How much of a large parity or conformance suite a test runs: `quick` (the default, for CI
 * and everyday runs) takes a fixed, documented subset of the tasks plus every task a test
 * explains by name; `full` runs everything and checks the published aggregates too.
 */
export type TestScope = 'quick' | 'full';

/** The environment variable that selects the scope: `PASSK_TEST_SCOPE=full npm test`. */
export const TEST_SCOPE_VARIABLE = 'PASSK_TEST_SCOPE';

/**
 * The scope selected by `PASSK_TEST_SCOPE` (`quick` when unset or empty).
 *
 * @throws UsageError for any other value, naming the variable.
 */
export function testScope(env: NodeJS.ProcessEnv = process.env): TestScope {
  const value = env[TEST_SCOPE_VARIABLE] ?? '';
  if (value === '' || value === 'quick') return 'quick';
  if (value === 'full') return 'full';
  throw new UsageError({
    message: `${TEST_SCOPE_VARIABLE} must be 'quick' or 'full', got '${value}'`,
  });
}

/** Options of {@link scopedSubset}. */
export interface ScopedSubsetOptions<T> {
  /** The item's task id. */
  readonly id: (item: T) => string;
  /** In the quick scope, keep every `every`-th distinct task id in order of first appearance. */
  readonly every: number;
  /** Task ids always kept (the ones a test explains by name). */
  readonly keep?: Iterable<string>;
  /** Default: {@link testScope}(). */
  readonly scope?: TestScope;
}

/**
 * The items a test runs: all of them in the `full` scope; in the `quick` scope, those whose
 * task is the 1st, (1 + every)th, (1 + 2·every)th, … distinct task in `items`' order, plus
 * those of the `keep` tasks. Deterministic for a given input order; every sample of a chosen
 * task is kept.
 */
export function scopedSubset<T>(items: readonly T[], options: ScopedSubsetOptions<T>): T[] {
  if ((options.scope ?? testScope()) === 'full') return [...items];
  if (!Number.isInteger(options.every) || options.every < 1) {
    throw new UsageError({ message: `every must be a positive integer, got ${options.every}` });
  }
  const keep = new Set(options.keep ?? []);
  const order = new Map<string, number>();
  for (const item of items) {
    const id = options.id(item);
    if (!order.has(id)) order.set(id, order.size);
  }
  return items.filter((item) => {
    const id = options.id(item);
    return keep.has(id) || (order.get(id) ?? 0) % options.every === 0;
  });
}
