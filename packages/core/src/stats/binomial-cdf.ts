/**
 * The cumulative distribution of Binomial(n, c / n): the law of the number of passing samples
 * when the n samples of a problem with c passes are resampled with replacement.
 *
 * Entry j is P(X <= j) for j < n, computed from log-factorials (no underflow for large n);
 * the last entry is +Infinity so that an inverse-CDF search over a uniform in [0, 1) always
 * stops by index n.
 *
 * @param n Samples of the problem (integer >= 0).
 * @param c Passing samples (integer, 0 <= c <= n); not validated here.
 * @returns A `Float64Array` of length n + 1.
 */
export function binomialCdf(n: number, c: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  if (c === 0 || c === n) {
    // Degenerate: X is always c.
    cdf.fill(0, 0, c);
    cdf.fill(1, c, n);
    cdf[n] = Number.POSITIVE_INFINITY;
    return cdf;
  }
  const p = c / n;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logFactorial = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) {
    logFactorial[i] = (logFactorial[i - 1] as number) + Math.log(i);
  }
  const logFactorialN = logFactorial[n] as number;
  let cumulative = 0;
  for (let j = 0; j < n; j++) {
    const logPmf =
      logFactorialN -
      (logFactorial[j] as number) -
      (logFactorial[n - j] as number) +
      j * logP +
      (n - j) * logQ;
    cumulative += Math.exp(logPmf);
    cdf[j] = Math.min(cumulative, 1);
  }
  cdf[n] = Number.POSITIVE_INFINITY;
  return cdf;
}
