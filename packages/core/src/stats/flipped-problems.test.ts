import { describe, expect, it } from 'vitest';
import { flippedProblems } from './flipped-problems.ts';

const pair = (taskId: string, a: [number, number], b: [number, number]) => ({
  taskId,
  a: { n: a[0], c: a[1] },
  b: { n: b[0], c: b[1] },
});

describe('flippedProblems', () => {
  it('lists problems whose majority verdict changes by a clear margin, largest first', () => {
    const flipped = flippedProblems([
      pair('noise', [10, 5], [10, 4]),
      pair('b wins', [10, 1], [10, 9]),
      pair('a wins', [10, 7], [10, 3]),
      pair('both solve', [10, 10], [10, 6]),
      pair('neither', [10, 0], [10, 4]),
    ]);
    expect(flipped.map((problem) => problem.task_id)).toEqual(['b wins', 'a wins']);
    expect(flipped[0]).toEqual({
      task_id: 'b wins',
      pass_rate_a: 0.1,
      pass_rate_b: 0.9,
      a: { n: 10, c: 1 },
      b: { n: 10, c: 9 },
      better: 'b',
    });
    expect(flipped[1]?.better).toBe('a');
  });

  it('with one sample per problem lists exactly the discordant problems', () => {
    const flipped = flippedProblems([
      pair('1', [1, 1], [1, 0]),
      pair('2', [1, 0], [1, 0]),
      pair('3', [1, 0], [1, 1]),
      pair('4', [1, 1], [1, 1]),
    ]);
    expect(flipped.map((problem) => [problem.task_id, problem.better])).toEqual([
      ['1', 'a'],
      ['3', 'b'],
    ]);
  });
});
