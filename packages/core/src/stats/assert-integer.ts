import { UsageError } from '../errors/usage-error.ts';

/**
 * Checks that `value` is a safe integer no smaller than `minimum`.
 *
 * @param value The argument to check.
 * @param name The parameter name used in the error message (e.g. `k`, `problems[3].n`).
 * @param minimum Smallest accepted value; default 0.
 * @returns Nothing; returns normally when the value is valid.
 * @throws UsageError when `value` is not a safe integer or is below `minimum`.
 */
export function assertInteger(value: number, name: string, minimum = 0): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new UsageError({
      message: `${name} must be an integer >= ${minimum}, got ${String(value)}`,
    });
  }
}
