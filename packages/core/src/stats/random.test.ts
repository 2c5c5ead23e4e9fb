import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/usage-error.ts';
import { createRandom, createRandomFromState } from './random.ts';

function take(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

describe('createRandom', () => {
  it('matches the reference xoshiro128** C code from state {1, 2, 3, 4}', () => {
    const random = createRandomFromState([1, 2, 3, 4]);
    expect(take(8, () => random.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
  });

  it('seeds from splitmix64 like the reference C code', () => {
    // C: x = seed; a = splitmix64(); b = splitmix64(); s = {lo(a), hi(a), lo(b), hi(b)}.
    const expected: Record<number, number[]> = {
      0: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774],
      42: [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222],
      20260117: [3467914785, 3925971160, 1063274829, 2444275219, 2120595534, 2087577404],
    };
    for (const [seed, outputs] of Object.entries(expected)) {
      const random = createRandom(Number(seed));
      expect(
        take(6, () => random.nextUint32()),
        `seed ${seed}`,
      ).toEqual(outputs);
      expect(random.seed).toBe(Number(seed));
    }
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const first = createRandom(7);
    const second = createRandom(7);
    const other = createRandom(8);
    const a = take(100, () => first.next());
    expect(take(100, () => second.next())).toEqual(a);
    expect(take(100, () => other.next())).not.toEqual(a);
    expect(take(5, () => createRandom(-1).next())).not.toEqual(
      take(5, () => createRandom(1).next()),
    );
  });

  it('draws next() uniformly in [0, 1)', () => {
    const random = createRandom(1);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const value = random.next();
      if (!(value >= 0 && value < 1)) {
        outside++;
      }
      buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    // Chi-square with 9 degrees of freedom; 27.9 is its 0.999 quantile.
    const expected = draws / 10;
    const chiSquare = buckets.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.9);
  });

  it('draws int() uniformly over [0, maxExclusive) including non-powers of two', () => {
    const random = createRandom(2);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) {
      const value = random.int(7);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    // An out-of-range or fractional value would add a key and break these totals.
    expect(counts.length).toBe(7);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(70_000);
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(22.5); // 0.999 quantile, 6 degrees of freedom
    expect(random.int(1)).toBe(0);
    expect(random.int(2 ** 32)).toBeLessThan(2 ** 32);
  });

  it('refuses bad seeds, states and bounds', () => {
    expect(() => createRandom(1.5)).toThrow(UsageError);
    expect(() => createRandom(2 ** 53)).toThrow(UsageError);
    expect(() => createRandomFromState([0, 0, 0, 0])).toThrow(UsageError);
    expect(() => createRandomFromState([2 ** 32, 0, 0, 1])).toThrow(UsageError);
    const random = createRandom(0);
    expect(() => random.int(0)).toThrow(UsageError);
    expect(() => random.int(2.5)).toThrow(UsageError);
    expect(() => random.int(2 ** 32 + 1)).toThrow(UsageError);
  });
});
