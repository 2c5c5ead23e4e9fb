import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { firstPassIndexDistribution, passAtKInOrder } from './pass-at-k-in-order.ts';

const outcomes: readonly (readonly boolean[])[] = [
  [true, false, false, false],
  [false, false, true, false],
  [false, false, false, false],
  [false, true, true, true],
];

describe('passAtKInOrder', () => {
  it('counts a problem as solved when one of its first k samples passed', () => {
    expect(passAtKInOrder(outcomes, 1)).toBe(0.25);
    expect(passAtKInOrder(outcomes, 2)).toBe(0.5);
    expect(passAtKInOrder(outcomes, 3)).toBe(0.75);
    expect(passAtKInOrder(outcomes, 4)).toBe(0.75);
  });

  it('depends on the order, unlike the unbiased estimator', () => {
    expect(passAtKInOrder([[false, true]], 1)).toBe(0);
    expect(passAtKInOrder([[true, false]], 1)).toBe(1);
  });

  it('refuses problems with fewer than k samples, empty input and bad k', () => {
    expect(() => passAtKInOrder(outcomes, 5)).toThrow(/at least 5 samples/);
    expect(() => passAtKInOrder([[true], []], 1)).toThrow(UsageError);
    expect(() => passAtKInOrder([], 1)).toThrow(UsageError);
    expect(() => passAtKInOrder(outcomes, 0)).toThrow(UsageError);
  });
});

describe('firstPassIndexDistribution', () => {
  it('counts problems by the index of their first passing sample', () => {
    expect(firstPassIndexDistribution(outcomes)).toEqual({
      counts: { 0: 1, 1: 1, 2: 1 },
      neverPassed: 1,
    });
  });

  it('counts problems without samples as never passed', () => {
    expect(firstPassIndexDistribution([[], [false], [false, false, true]])).toEqual({
      counts: { 2: 1 },
      neverPassed: 2,
    });
    expect(firstPassIndexDistribution([])).toEqual({ counts: {}, neverPassed: 0 });
  });
});
