import type { FlippedProblem } from '../spec/comparison.ts';
import type { PairedProblemCounts } from './paired-units.ts';

/** Smallest |pass_rate_a − pass_rate_b| for a problem to count as flipped. */
export const FLIP_MIN_DIFFERENCE = 0.3;

/** The rule recorded in a comparison's method for `flippedProblems`. */
export const FLIPPED_RULE = `majority verdict differs (pass rate >= 1/2 in one run, < 1/2 in the other) and the pass rates differ by at least ${FLIP_MIN_DIFFERENCE}; with n = 1, every problem one run passes and the other fails`;

/**
 * The problems whose per-problem pass@1 (the pass rate c / n) crosses 1/2 between the runs by
 * a clear margin: solved in at least half the samples of one run and in fewer than half of
 * the other's, with the rates at least `FLIP_MIN_DIFFERENCE` apart (so 5/10 against 4/10 is
 * noise, not a flip). With one sample per problem these are McNemar's discordant pairs.
 *
 * @param problems Paired counts with n >= 1 in both runs.
 * @returns The flipped problems, largest |difference| first, then in input order.
 */
export function flippedProblems(problems: readonly PairedProblemCounts[]): FlippedProblem[] {
  const flipped: FlippedProblem[] = [];
  for (const { taskId, language, a, b } of problems) {
    const rateA = a.c / a.n;
    const rateB = b.c / b.n;
    if (rateA >= 0.5 === rateB >= 0.5) continue;
    if (Math.abs(rateA - rateB) < FLIP_MIN_DIFFERENCE - 1e-12) continue;
    flipped.push({
      task_id: taskId,
      ...(language === undefined ? {} : { language }),
      pass_rate_a: rateA,
      pass_rate_b: rateB,
      a: { n: a.n, c: a.c },
      b: { n: b.n, c: b.c },
      better: rateA > rateB ? 'a' : 'b',
    });
  }
  return flipped
    .map((problem, order) => ({ problem, order }))
    .sort(
      (x, y) =>
        Math.abs(y.problem.pass_rate_a - y.problem.pass_rate_b) -
          Math.abs(x.problem.pass_rate_a - x.problem.pass_rate_b) || x.order - y.order,
    )
    .map(({ problem }) => problem);
}
