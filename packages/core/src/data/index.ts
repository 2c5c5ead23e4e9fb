export { defaultCacheDir, defaultDataContext } from './default-data-context.ts';
export { resolveDataFile, sha256File } from './resolve-data-file.ts';
