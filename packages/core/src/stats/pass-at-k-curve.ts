import type { PassAtKCurvePoint } from '../spec/report.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import { passAtKInOrder } from './pass-at-k-in-order.ts';
import { summarizePassAtK, type TaskCounts } from './summarize-pass-at-k.ts';

/** Every k up to this is on the curve; above it, about this many points on a log scale. */
const DENSE_UP_TO = 100;

/**
 * The k of a pass@k curve up to `maxK`: every k up to 100, otherwise about 100 points spread
 * evenly on a log scale from 1 to `maxK`, plus the `required` k (at most `maxK`), ascending.
 *
 * @param maxK The largest k (integer >= 0; 0 gives no points).
 * @param required k that must be on the curve (e.g. the run's requested k).
 */
export function curveKs(maxK: number, required: readonly number[] = []): number[] {
  const ks = new Set<number>();
  if (maxK <= DENSE_UP_TO) {
    for (let k = 1; k <= maxK; k++) ks.add(k);
  } else {
    for (let i = 0; i < DENSE_UP_TO; i++) {
      ks.add(Math.round(Math.exp((Math.log(maxK) * i) / (DENSE_UP_TO - 1))));
    }
  }
  for (const k of required) if (k >= 1 && k <= maxK) ks.add(k);
  return [...ks].sort((x, y) => x - y);
}

/**
 * pass@k for k = 1 .. the smallest n among scored problems (see `curveKs`), each with its
 * two-level bootstrap interval (`summarizePassAtK`, so with one seed a k on the curve has the
 * summary's figures), and pass@k in generation order where every scored problem has k
 * outcomes. Problems with n = 0 are left out.
 *
 * @param problems Counts per task (ids unique).
 * @param outcomes Per problem, in the same order, whether each scored sample passed, in
 *   generation order.
 * @param options Bootstrap settings; `required` k always on the curve.
 * @returns The points, ascending in k; empty when no problem has a scored sample.
 * @throws UsageError for invalid counts or options (see `summarizePassAtK`).
 */
export function passAtKCurve(
  problems: readonly TaskCounts[],
  outcomes: readonly (readonly boolean[])[],
  options: BootstrapOptions & { readonly required?: readonly number[] } = {},
): PassAtKCurvePoint[] {
  const scored = problems.flatMap((problem, index) =>
    problem.n > 0 ? [{ problem, row: outcomes[index] ?? [] }] : [],
  );
  if (scored.length === 0) return [];
  const maxK = Math.min(...scored.map(({ problem }) => problem.n));
  const ks = curveKs(maxK, options.required);
  const { required: _required, ...bootstrap } = options;
  const { passAtK } = summarizePassAtK(
    scored.map(({ problem }) => problem),
    ks,
    bootstrap,
  );
  const rows = scored.map(({ row }) => row);
  const inOrderUpTo = Math.min(...rows.map((row) => row.length));
  return ks.flatMap((k) => {
    const value = passAtK[String(k)];
    if (!value) return [];
    return [{ k, ...value, ...(k <= inOrderUpTo ? { in_order: passAtKInOrder(rows, k) } : {}) }];
  });
}
