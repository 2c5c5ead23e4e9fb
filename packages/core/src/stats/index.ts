export type {
  BootstrapInterval,
  BootstrapOptions,
  ProblemCounts,
} from './bootstrap.ts';
export { BOOTSTRAP_METHOD, bootstrapPassAtK } from './bootstrap.ts';
export type { CompareOptions, PassAtKComparison } from './compare-pass-at-k.ts';
export { comparePassAtK } from './compare-pass-at-k.ts';
export { COMMENT_SYNTAX, type CommentSyntax, commentSyntax } from './diversity/comment-syntax.ts';
export { normalizeProgramText, TEXT_NORMALIZATION } from './diversity/normalize-program-text.ts';
export {
  type NormalizePythonOptions,
  normalizePythonPrograms,
  PYTHON_AST_NORMALIZATION,
} from './diversity/normalize-python-programs.ts';
export { FLIP_MIN_DIFFERENCE, FLIPPED_RULE, flippedProblems } from './flipped-problems.ts';
export { holmAdjust } from './holm-adjust.ts';
export { mcnemarExact } from './mcnemar-exact.ts';
export { mean } from './mean.ts';
export { normalCdf, normalQuantile } from './normal-distribution.ts';
export { PAIRED_BOOTSTRAP_METHOD, pairedBootstrapDifference } from './paired-bootstrap.ts';
export type { PairedProblemCounts } from './paired-units.ts';
export { pairedUnits } from './paired-units.ts';
export { passAtK } from './pass-at-k.ts';
export { curveKs, passAtKCurve } from './pass-at-k-curve.ts';
export type { FirstPassIndexDistribution } from './pass-at-k-in-order.ts';
export { firstPassIndexDistribution, passAtKInOrder } from './pass-at-k-in-order.ts';
export { meanPassHatK, passHatK } from './pass-hat-k.ts';
export type { Random } from './random.ts';
export { createRandom } from './random.ts';
export type { PairedDesign } from './sign-flip-power.ts';
export { minimumDetectableDifference, POWER_METHOD, signFlipPower } from './sign-flip-power.ts';
export { signFlipPValue } from './sign-flip-test.ts';
export { SLICE_KINDS, type SliceMember, sliceValues, summarizeSlices } from './slices.ts';
export type { ExcludedK, PassAtKSummary, TaskCounts } from './summarize-pass-at-k.ts';
export { summarizePassAtK } from './summarize-pass-at-k.ts';
