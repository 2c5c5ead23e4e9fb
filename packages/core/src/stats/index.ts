export type {
  BootstrapInterval,
  BootstrapOptions,
  ProblemCounts,
} from './bootstrap.ts';
export { BOOTSTRAP_METHOD, bootstrapPassAtK } from './bootstrap.ts';
export { mean } from './mean.ts';
export { passAtK } from './pass-at-k.ts';
export type { FirstPassIndexDistribution } from './pass-at-k-in-order.ts';
export { firstPassIndexDistribution, passAtKInOrder } from './pass-at-k-in-order.ts';
export type { Random } from './random.ts';
export { createRandom } from './random.ts';
export type { ExcludedK, PassAtKSummary, TaskCounts } from './summarize-pass-at-k.ts';
export { summarizePassAtK } from './summarize-pass-at-k.ts';
