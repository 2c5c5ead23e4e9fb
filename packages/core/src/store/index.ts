export {
  type CachedExecution,
  createExecutionCache,
  type ExecutionCache,
} from './execution-cache.ts';
export { createGenerationCache, type GenerationCache } from './generation-cache.ts';
export { type RunOnDisk, readRun } from './read-run.ts';
export { readRunSamples } from './read-run-samples.ts';
export { RUN_FILES, sampleKey, sampleLanguage, singleLanguage } from './run-files.ts';
export {
  type RunIdentitySource,
  runIdentity,
  runIdentityDifferences,
  runIdFor,
} from './run-identity.ts';
export { openRunStore, type RunStore, readManifest } from './run-store.ts';
