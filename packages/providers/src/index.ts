export { createReferenceProvider } from './reference.ts';
export { createReplayProvider, type ReplayOptions, type ReplayProvider } from './replay.ts';
