import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { BOOTSTRAP_METHOD, bootstrapPassAtK } from './bootstrap.ts';
import { summarizePassAtK } from './summarize-pass-at-k.ts';

function tasks(counts: readonly [number, number][]): { taskId: string; n: number; c: number }[] {
  return counts.map(([n, c], i) => ({ taskId: `Task/${i}`, n, c }));
}

describe('summarizePassAtK', () => {
  it('reports every k when all problems have n >= k, with the bootstrap interval', () => {
    const problems = tasks([
      [10, 3],
      [10, 0],
      [10, 10],
      [10, 6],
    ]);
    const summary = summarizePassAtK(problems, [1, 5, 10], { resamples: 300, seed: 4 });
    expect(Object.keys(summary.passAtK)).toEqual(['1', '5', '10']);
    expect(summary.excluded).toEqual([]);
    const interval = bootstrapPassAtK(problems, 5, { resamples: 300, seed: 4 });
    expect(summary.passAtK['5']).toEqual({
      estimate: interval.estimate,
      ci_low: interval.low,
      ci_high: interval.high,
    });
    expect(summary.confidence).toEqual({
      method: BOOTSTRAP_METHOD,
      level: 0.95,
      resamples: 300,
      seed: 4,
    });
  });

  it('drops a k when some problems have fewer than k samples, listing them', () => {
    const problems = tasks([
      [20, 3],
      [5, 1],
      [20, 20],
      [8, 0],
      [9, 9],
    ]);
    const summary = summarizePassAtK(problems, [1, 5, 10], { resamples: 100 });
    expect(Object.keys(summary.passAtK)).toEqual(['1', '5']);
    expect(summary.excluded).toEqual([
      {
        k: 10,
        reason: '3 problems have fewer than 10 samples; pass@10 not reported',
        problems: ['Task/1', 'Task/3', 'Task/4'],
      },
    ]);
    expect(summarizePassAtK(problems, [6], { resamples: 100 }).excluded).toEqual([
      {
        k: 6,
        reason: '1 problem has fewer than 6 samples; pass@6 not reported',
        problems: ['Task/1'],
      },
    ]);
  });

  it('leaves problems with no scored samples out of every k and says so', () => {
    const problems = tasks([
      [10, 4],
      [0, 0],
      [10, 7],
      [0, 0],
    ]);
    const summary = summarizePassAtK(problems, [1, 10], { resamples: 100 });
    const scoredOnly = summarizePassAtK(
      problems.filter((problem) => problem.n > 0),
      [1, 10],
      { resamples: 100 },
    );
    expect(summary.passAtK).toEqual(scoredOnly.passAtK);
    expect(summary.passAtK['1']?.estimate).toBeCloseTo(0.55, 14);
    expect(summary.excluded).toEqual(
      [1, 10].map((k) => ({
        k,
        reason: `2 problems have no scored samples (every sample was an infrastructure failure); left out of pass@${k}`,
        problems: ['Task/1', 'Task/3'],
      })),
    );
  });

  it('reports nothing when no problem has scored samples, or there are no problems', () => {
    const unscored = summarizePassAtK(tasks([[0, 0]]), [1], {});
    expect(unscored.passAtK).toEqual({});
    expect(unscored.excluded).toHaveLength(1);
    expect(unscored.excluded[0]?.problems).toEqual(['Task/0']);
    const none = summarizePassAtK([], [1, 10]);
    expect(none.passAtK).toEqual({});
    expect(none.excluded.map((entry) => [entry.k, entry.problems])).toEqual([
      [1, []],
      [10, []],
    ]);
  });

  it('refuses bad counts, repeated task ids, bad or repeated k and bad options', () => {
    expect(() => summarizePassAtK(tasks([[5, 6]]), [1])).toThrow(UsageError);
    expect(() => summarizePassAtK(tasks([[5, 1.5]]), [1])).toThrow(UsageError);
    expect(() =>
      summarizePassAtK(
        [
          { taskId: 'a', n: 1, c: 1 },
          { taskId: 'a', n: 1, c: 0 },
        ],
        [1],
      ),
    ).toThrow(/more than once/);
    expect(() => summarizePassAtK(tasks([[5, 1]]), [0])).toThrow(UsageError);
    expect(() => summarizePassAtK(tasks([[5, 1]]), [1, 1])).toThrow(/more than once/);
    expect(() => summarizePassAtK(tasks([[5, 1]]), [1], { level: 95 })).toThrow(UsageError);
  });
});
