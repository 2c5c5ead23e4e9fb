import { describe, expect, it } from 'vitest';
import { holmAdjust } from './holm-adjust.ts';

describe('holmAdjust', () => {
  it('multiplies the i-th smallest by m - i and keeps the order monotone', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
  });

  it('caps at 1, keeps a single p-value and accepts an empty family', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
  });
});
