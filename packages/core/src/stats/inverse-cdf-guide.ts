/**
 * A guide table for inverse-CDF sampling by indexed search (Chen and Asau, 1974): entry g
 * is the smallest index j with `cdf[j] > g / m`, where m is the table length. To draw from a
 * uniform u in [0, 1), start at `guide[floor(u * m)]` and step up while `u >= cdf[j]`; the
 * expected number of steps is below 2.
 *
 * @param cdf Non-decreasing cumulative probabilities whose last entry exceeds every u
 *   (e.g. +Infinity, as `binomialCdf` returns); not validated.
 * @param size Table length m; default `cdf.length`.
 * @returns An `Int32Array` of length `size`.
 */
export function inverseCdfGuide(cdf: Float64Array, size: number = cdf.length): Int32Array {
  const guide = new Int32Array(size);
  let j = 0;
  for (let g = 0; g < size; g++) {
    const threshold = g / size;
    while ((cdf[j] as number) <= threshold) {
      j++;
    }
    guide[g] = j;
  }
  return guide;
}
