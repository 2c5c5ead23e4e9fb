import { describe, expect, it } from 'vitest';
import { binomialCdf } from './binomial-cdf.ts';

function exactCdf(n: number, c: number): number[] {
  // P(X = j) = C(n, j) c^j (n - c)^(n - j) / n^n, exactly in BigInt.
  const total = BigInt(n) ** BigInt(n);
  let choose = 1n;
  let cumulative = 0n;
  const result: number[] = [];
  for (let j = 0; j <= n; j++) {
    if (j > 0) {
      choose = (choose * BigInt(n - j + 1)) / BigInt(j);
    }
    cumulative += choose * BigInt(c) ** BigInt(j) * BigInt(n - c) ** BigInt(n - j);
    result.push(Number((cumulative * 10n ** 30n) / total) / 1e30);
  }
  return result;
}

describe('binomialCdf', () => {
  it('matches the exact Binomial(n, c/n) distribution', () => {
    for (const [n, c] of [
      [1, 0],
      [1, 1],
      [10, 3],
      [10, 9],
      [50, 1],
      [200, 100],
      [200, 17],
    ] as const) {
      const cdf = binomialCdf(n, c);
      const exact = exactCdf(n, c);
      expect(cdf.length).toBe(n + 1);
      expect(cdf[n]).toBe(Number.POSITIVE_INFINITY);
      for (let j = 0; j < n; j++) {
        expect(
          Math.abs((cdf[j] as number) - (exact[j] as number)),
          `n=${n} c=${c} j=${j}`,
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('puts all mass on c when c is 0 or n', () => {
    expect(Array.from(binomialCdf(3, 0))).toEqual([1, 1, 1, Number.POSITIVE_INFINITY]);
    expect(Array.from(binomialCdf(3, 3))).toEqual([0, 0, 0, Number.POSITIVE_INFINITY]);
  });

  it('does not underflow for large n', () => {
    const cdf = binomialCdf(5000, 2500);
    expect(cdf[2499]).toBeGreaterThan(0.49);
    expect(cdf[2499]).toBeLessThan(0.5);
  });
});
